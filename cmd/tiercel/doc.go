// Command tiercel is the command-line front end to package rules: it checks
// catalogs, runs YAML test suites and answers one question at a time without
// writing Go.
//
// Usage:
//
//	tiercel check [FILE...]                       # exit 1 and file:line:col errors if bad
//	tiercel test FILE|DIR...                      # run YAML test suites
//	tiercel deadline --tier T --priority P --opened RFC3339|DATE [--zone Z] [--attr k=v]
//	tiercel explain deadline|status|timeline ...   # why: rules tried, table row, open stretches, closures
//	tiercel compare FROM TO                       # per-priority from, to and change
//	tiercel replay --from TIER --to TIER FILE     # a history of cases decided on another tier
//	tiercel timeline [--svg FILE] CASE.yaml       # every clock of a case from its events
//	tiercel quote TIER "AMOUNT CUR" [--period 2026-02-15/2026-02-28]
//	tiercel eligibility --tier T --renewal DATE --spend "AMOUNT CUR" [--at RFC3339]
//	tiercel allowed ACTION [--role R]... [--tier T ...]
//	tiercel invoice CONTRACT.yaml SPENDS.csv [--months 2026-01..2026-12]
//	tiercel diff OLD.yaml NEW.yaml               # exit 1 iff an answer can change; [--from D --to D] effects
//	tiercel impact [--zendesk] OLD.yaml NEW.yaml HISTORY...  # what a catalog change does to recorded cases, or to a Zendesk export's tickets
//	tiercel import zendesk|freshdesk --policies F [--schedules F] [--holidays [ID=]F]... [--business-hours F]
//	tiercel export ics|zendesk CATALOG [--calendar ID --from DATE --to DATE] [--dir DIR]
//	tiercel catalog [--builtin NAME]              # a shipped catalog's YAML, to start your own from
//	tiercel tiers [--builtin NAME | --catalog FILE] # tiers, targets, calendars' weekly hours, prices
//	tiercel lint [FILE...]                        # file:line:col: CODE: message for what is probably wrong
//	tiercel serve [--addr 127.0.0.1:8383] [--watch]  # the questions over HTTP (package server)
//	tiercel audit CATALOG EVENTS...                # Zendesk's recorded SLA breaches against the catalog's
//	tiercel help [COMMAND]                        # the commands, or one command's flags
//	tiercel version                               # the module version and catalog format
//
// Every command takes --catalog FILE (repeatable; by default the catalog
// embedded in package rules) or --builtin NAME (a catalog shipped in package
// rules: default or aws; audit takes its catalog as its first argument),
// --output text|json (audit also csv) and --help, which prints
// the command's flags and an example. Flags may come before or after the
// arguments.
//
// Exit status: one per error class (package fault), the same on every
// command. 0: the command answered. 1: the answer is "no" (a permission
// denied, a contract not eligible), diff found changes, or a check or test
// failed; never an error. 2 (fault.BadRequest): the command line is wrong
// (unknown command or flag, malformed value, an unwritable --svg file).
// 3 (fault.BadInput): an input file (catalog, suite, case, history,
// contract, spends) is missing, unreadable or invalid. 4
// (fault.Undecidable): the catalog cannot decide the question (unknown tier
// or action, no target or price, a zone or country the calendar needs, a
// rule failing on the case's attributes). 5 (fault.Limit): a bound was
// passed (CEL cost, input size, a duration past about 292 years, money
// past 64-bit minor units, an instant past year 9999). 6 (fault.Internal):
// an error no class covers. Errors go to stderr; errors in files read
// file:line:col: path: message; no Go stack trace is ever printed.
package main
