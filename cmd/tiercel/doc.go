// Command tiercel is the command-line front end to package rules: it checks
// catalogs, runs YAML test suites and answers one question at a time without
// writing Go.
//
// Usage:
//
//	tiercel check [FILE...]                       # exit 1 and file:line:col errors if bad
//	tiercel test FILE|DIR...                      # run YAML test suites
//	tiercel deadline --tier T --priority P --opened RFC3339|DATE [--zone Z] [--attr k=v]
//	tiercel compare FROM TO                       # per-priority from, to and change
//	tiercel replay --from TIER --to TIER FILE     # a history of cases decided on another tier
//	tiercel timeline [--svg FILE] CASE.yaml       # every clock of a case from its events
//	tiercel quote TIER "AMOUNT CUR" [--period 2026-02-15/2026-02-28]
//	tiercel eligibility --tier T --renewal DATE --spend "AMOUNT CUR" [--at RFC3339]
//	tiercel allowed ACTION [--role R]... [--tier T ...]
//	tiercel invoice CONTRACT.yaml SPENDS.csv [--months 2026-01..2026-12]
//	tiercel diff OLD.yaml NEW.yaml               # exit 1 iff an answer can change; [--from D --to D] effects
//	tiercel help [COMMAND]                        # the commands, or one command's flags
//	tiercel version                               # the module version and catalog format
//
// Every command takes --catalog FILE (repeatable; by default the catalog
// embedded in package rules) or --builtin NAME (a catalog shipped in package
// rules: default or aws), --output text|json and --help, which prints
// the command's flags and an example. Flags may come before or after the
// arguments.
//
// Exit status: 0 on success; 1 when the answer is "no" (a permission denied,
// a tier without a price) or a check or test fails; 2 when the command line
// is wrong (unknown command or flag, malformed value, unknown tier or action,
// a missing --zone or --country the calendar needs); 3 when an input file (a
// catalog or a suite) is missing or invalid. Errors go to stderr; errors in
// files read file:line:col: path: message; no Go stack trace is ever printed.
package main
