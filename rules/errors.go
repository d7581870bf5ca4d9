package rules

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Sentinel errors that callers branch on with errors.Is. Errors returned by
// the engine wrap one of these where one applies.
var (
	// ErrInvalidCatalog marks every error found while compiling a catalog.
	ErrInvalidCatalog = errors.New("invalid catalog")
	// ErrUnknownTier is returned when a tier id or alias is not in the catalog.
	ErrUnknownTier = errors.New("unknown tier")
	// ErrNoTarget is returned when a tier has no response target for a priority.
	ErrNoTarget = errors.New("no response target")
	// ErrZoneRequired is returned when a case or contract is evaluated on a
	// calendar whose zone is the account's and no zone was given.
	ErrZoneRequired = errors.New("zone required")
	// ErrInvalidZone is returned when a case or contract names a zone that is
	// not a valid IANA time zone.
	ErrInvalidZone = errors.New("invalid zone")
	// ErrInvalidCase is returned when a case lacks a field a decision needs
	// (an invalid priority or a zero opening instant).
	ErrInvalidCase = errors.New("invalid case")
	// ErrCostLimit is returned when evaluating an expression exceeds the
	// engine's runtime cost limit.
	ErrCostLimit = errors.New("cost limit exceeded")
	// ErrEvaluation is returned when a CEL expression fails at run time
	// (a missing attribute, a division by zero, a type mismatch on dyn values).
	ErrEvaluation = errors.New("evaluation failed")
	// ErrUnknownAction is returned by Allowed for an action no permission names.
	ErrUnknownAction = errors.New("unknown action")
	// ErrNoPrice is returned by Quote for a tier without a price.
	ErrNoPrice = errors.New("no price")
	// ErrCountryRequired is returned when a case is counted on a calendar
	// whose holidays are the account's country (holidays: [account]) and no
	// country was given.
	ErrCountryRequired = errors.New("country required")
)

// Error is a problem found at one place of a catalog or suite file. Its text
// reads "file:line:col: path: message", like a compiler's. Line and Column
// are 1-based; zero means unknown. Error wraps ErrInvalidCatalog and, where
// one applies, a more specific cause (ErrUnknownTier, an slo or entitlement
// error), so errors.Is works on it.
type Error struct {
	File   string // file name given to Compile or Load
	Line   int    // 1-based line, 0 if unknown
	Column int    // 1-based column, 0 if unknown
	Path   string // YAML path of the offending value, e.g. "tiers.enhanced.response.P1"
	Msg    string // lowercase message without position
	Err    error  // underlying cause, may be nil

	// more is set on the last entry of an ErrorList that reached
	// MaxErrors: the number of errors left out.
	more int
	// fatal marks the error that stopped decoding: capping keeps it.
	fatal bool
}

// Error returns "file:line:col: path: message".
func (e *Error) Error() string {
	if e.more > 0 {
		return e.Msg
	}
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns ErrInvalidCatalog and the underlying cause.
func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrInvalidCatalog, e.Err}
	}
	return []error{ErrInvalidCatalog}
}

// MaxErrors is the most errors an ErrorList reports. Past it, errors are
// only counted: the list ends with an entry reading "and N more errors" and
// Dropped returns N.
const MaxErrors = 100

// ErrorList is every error found in a catalog, sorted by file and position,
// each reported once per position and message, up to MaxErrors. It is
// returned by Compile and Load when more than one problem was found;
// errors.As finds the first *Error in it and errors.Is looks at all of them.
// When errors were left out, the last entry has no position and its message
// is "and N more errors".
type ErrorList []*Error

// Error returns one error per line.
func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap returns the errors of the list.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Dropped returns how many errors were found beyond MaxErrors and left out
// of the list.
func (l ErrorList) Dropped() int {
	n := 0
	for _, e := range l {
		n += e.more
	}
	return n
}

// moreErrors is the last entry of a list that left out n errors.
func moreErrors(n int) *Error {
	e := &Error{}
	e.setMore(n)
	return e
}

func (e *Error) setMore(n int) {
	e.more, e.Msg = n, "and "+strconv.Itoa(n)+" more errors"
}

// errorKey identifies an error by where it is and what it says, so that a
// value reached through several aliases is reported once.
type errorKey struct {
	file      string
	line, col int
	msg       string
}

func (e *Error) key() errorKey { return errorKey{e.File, e.Line, e.Column, e.Msg} }

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// err returns nil, the single error, or the sorted list. Errors repeated at
// one position are reported once; the lists of several files, each possibly
// capped, are merged and capped again at MaxErrors.
func (l ErrorList) err() error {
	more := 0
	seen := make(map[errorKey]bool, len(l))
	out := make(ErrorList, 0, min(len(l), MaxErrors+1))
	for _, e := range l {
		if e.more > 0 {
			more += e.more
			continue
		}
		if seen[e.key()] {
			continue
		}
		seen[e.key()] = true
		out = append(out, e)
	}
	out.sort()
	if len(out) > MaxErrors {
		more += len(out) - MaxErrors
		out = capErrors(out)
	}
	if more > 0 {
		out = append(out, moreErrors(more))
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return out
}

// capErrors keeps the fatal errors of sorted l and, in order, as many others
// as fit in MaxErrors.
func capErrors(l ErrorList) ErrorList {
	fatal := 0
	for _, e := range l {
		if e.fatal {
			fatal++
		}
	}
	kept, others := l[:0], 0
	for _, e := range l {
		if e.fatal || others < MaxErrors-fatal {
			kept = append(kept, e)
			if !e.fatal {
				others++
			}
		}
	}
	return kept
}
