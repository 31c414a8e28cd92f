// Grading module
