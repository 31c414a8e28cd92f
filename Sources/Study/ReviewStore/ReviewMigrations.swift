import GRDB

/// The review database's schema. Migrations are named for what they do and frozen once shipped:
/// change the schema by appending a new one, never by editing these.
enum ReviewMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("Create reviewLog") { db in
            try db.execute(sql: """
                CREATE TABLE reviewLog (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    cardId TEXT NOT NULL CHECK (length(cardId) > 0),
                    reviewedAt REAL NOT NULL,
                    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                    elapsedDays REAL NOT NULL CHECK (elapsedDays >= 0),
                    stateBefore INTEGER NOT NULL CHECK (stateBefore BETWEEN 0 AND 3),
                    stateAfter INTEGER NOT NULL CHECK (stateAfter BETWEEN 0 AND 3),
                    stabilityAfter REAL NOT NULL,
                    difficultyAfter REAL NOT NULL,
                    dueAfter REAL NOT NULL,
                    durationMs INTEGER NOT NULL CHECK (durationMs >= 0),
                    kind TEXT NOT NULL CHECK (kind IN ('review', 'undo')),
                    undoes INTEGER UNIQUE REFERENCES reviewLog(id),
                    session TEXT NOT NULL,
                    CHECK ((kind = 'undo') = (undoes IS NOT NULL))
                );
                CREATE INDEX reviewLog_card ON reviewLog(cardId, id);
                CREATE INDEX reviewLog_time ON reviewLog(reviewedAt);
                CREATE TRIGGER reviewLog_no_update BEFORE UPDATE ON reviewLog
                    BEGIN SELECT RAISE(ABORT, 'reviewLog is append-only: undo by inserting an undo row'); END;
                CREATE TRIGGER reviewLog_no_delete BEFORE DELETE ON reviewLog
                    BEGIN SELECT RAISE(ABORT, 'reviewLog is append-only: undo by inserting an undo row'); END;
                """)
        }
        migrator.registerMigration("Create cardSchedule") { db in
            try db.execute(sql: """
                CREATE TABLE cardSchedule (
                    cardId TEXT PRIMARY KEY NOT NULL,
                    state INTEGER NOT NULL CHECK (state BETWEEN 1 AND 3),
                    step INTEGER CHECK (step IS NULL OR step >= 0),
                    stability REAL NOT NULL CHECK (stability >= 0),
                    difficulty REAL NOT NULL,
                    due REAL NOT NULL,
                    lastReview REAL NOT NULL,
                    reps INTEGER NOT NULL CHECK (reps >= 0),
                    lapses INTEGER NOT NULL CHECK (lapses >= 0),
                    lastEntryId INTEGER NOT NULL REFERENCES reviewLog(id)
                );
                CREATE INDEX cardSchedule_due ON cardSchedule(due);
                """)
        }
        return migrator
    }

    /// Names of every migration this version knows, to tell a newer database from a foreign one.
    static var knownNames: Set<String> { Set(migrator.migrations) }
}
