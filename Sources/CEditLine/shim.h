// libedit's el_set() and history() are variadic, which Swift cannot call.
// These fixed-argument wrappers are the only C the REPL needs.
#include <stdio.h>
#include <histedit.h>

typedef char *(*kd_prompt_fn)(EditLine *);
typedef unsigned char (*kd_command_fn)(EditLine *, int);
typedef int (*kd_getc_fn)(EditLine *, wchar_t *);

// Characters between two `ignore` bytes in the prompt take no columns (colour escapes).
static inline int kd_el_set_prompt(EditLine *el, kd_prompt_fn fn, char ignore) { return el_set(el, EL_PROMPT_ESC, fn, ignore); }
static inline int kd_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int kd_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int kd_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int kd_el_set_getc(EditLine *el, kd_getc_fn fn) { return el_set(el, EL_GETCFN, fn); }
static inline int kd_el_add_function(EditLine *el, const char *name, const char *help, kd_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int kd_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}
static inline int kd_history_set_size(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
static inline int kd_history_set_unique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int kd_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int kd_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int kd_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }

// Pseudo-terminal calls that glibc only declares under _XOPEN_SOURCE/_GNU_SOURCE, which Swift's
// Glibc module is built without. Used to run the shell on a real terminal in tests and benchmarks.
int posix_openpt(int flags);
int grantpt(int fd);
int unlockpt(int fd);
char *ptsname(int fd);
#define KD_POSIX_SPAWN_SETSID 0x80
