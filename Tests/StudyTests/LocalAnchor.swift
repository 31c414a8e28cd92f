// Local build anchor (untracked).
