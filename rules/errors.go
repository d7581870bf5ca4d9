package rules

import (
	"errors"
	"fmt"
	"sort"
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
}

// Error returns "file:line:col: path: message".
func (e *Error) Error() string {
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

// ErrorList is every error found in a catalog, sorted by file and position.
// It is returned by Compile and Load when more than one problem was found;
// errors.As finds the first *Error in it and errors.Is looks at all of them.
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

// err returns nil, the single error, or the sorted list.
func (l ErrorList) err() error {
	switch len(l) {
	case 0:
		return nil
	case 1:
		return l[0]
	}
	l.sort()
	return l
}
