// Package fault gives every error of tiercel a class: what kind of failure
// it is, independent of the package that returned it. The command maps a
// class to an exit status and a server maps it to an HTTP status, so that
// one kind of failure gets one answer on every door.
//
// Packages declare their sentinel errors with New, which gives each one a
// class; Of finds the class of any error by walking its %w chain. An
// error type may carry a class of its own by implementing Classed (a
// positioned error of a catalog, suite or case file is BadInput whatever
// it wraps). Package fault imports nothing of tiercel, so every package
// can use it.
package fault

import "strconv"

// Class is the kind of a failure. Its zero value is Internal: an error
// that carries no class is unknown, which is treated as a fault of the
// program, never as the caller's.
type Class int

// The classes, from the caller's point of view. Internal is the zero value.
const (
	// Internal is a failure of the program itself, or an error nothing
	// classified (the zero Class): neither the request nor an input file
	// is known to be at fault. HTTP 500; exit status 6.
	Internal Class = iota
	// BadRequest is a request that is malformed on its face: an invalid
	// priority, zone, amount, period or instant, an unknown catalog name,
	// a case missing a field every decision needs. HTTP 400; exit status 2.
	BadRequest
	// BadInput is an input file (a catalog, suite, case, history, contract
	// or spends file) that is missing, unreadable or invalid; its errors
	// are usually positioned (file:line:col). HTTP 400; exit status 3.
	BadInput
	// Undecidable is a well-formed request that the catalog cannot decide:
	// an unknown tier or action, no target or no price for it, a zone or
	// country the catalog's calendar needs and the request does not give,
	// a rule whose CEL expression fails on the case's attributes.
	// HTTP 422; exit status 4.
	Undecidable
	// Limit is an answer or a computation past a bound: a CEL cost limit,
	// an input larger than its cap, a duration that does not fit in
	// time.Duration (about 292 years), money past int64 minor units, an
	// instant outside years 0001-9999. HTTP 413 for inputs too large,
	// else 422; exit status 5.
	Limit
)

var names = [...]string{
	Internal:    "internal",
	BadRequest:  "bad request",
	BadInput:    "bad input file",
	Undecidable: "undecidable",
	Limit:       "limit exceeded",
}

// Classes returns every class, Internal first.
func Classes() []Class { return []Class{Internal, BadRequest, BadInput, Undecidable, Limit} }

// String returns the class's name in lower case: "bad request", "bad input
// file", "undecidable", "limit exceeded" or "internal". A value outside
// the constants reads "class(N)".
func (c Class) String() string {
	if c >= 0 && int(c) < len(names) {
		return names[c]
	}
	return "class(" + strconv.Itoa(int(c)) + ")"
}

// Classed is implemented by errors that carry a class. Sentinels made by
// New implement it; so does the positioned error of an input file.
type Classed interface {
	error
	Class() Class
}

// sentinel is an error made by New: its text and its class. Each New
// returns a distinct pointer, so errors.Is matches it by identity.
type sentinel struct {
	text  string
	class Class
}

func (s *sentinel) Error() string { return s.text }
func (s *sentinel) Class() Class  { return s.class }

// New returns a sentinel error whose message is text and whose class is
// class. Like errors.New, each call returns a distinct error, so
// errors.Is(err, sentinel) matches by identity; wrap it with %w to add
// details. It is meant for package-level variables.
func New(class Class, text string) error { return &sentinel{text: text, class: class} }

// Of returns the class of err: that of the first error in its chain that
// implements Classed, the chain walked depth first as errors.Is walks it
// (Unwrap() error and Unwrap() []error, outermost first). The outermost
// class wins, so a positioned catalog error that wraps ErrUnknownTier is
// BadInput. Of returns Internal for nil and for an error without a class.
func Of(err error) Class {
	if c, ok := find(err); ok {
		return c
	}
	return Internal
}

func find(err error) (Class, bool) {
	for err != nil {
		if c, ok := err.(Classed); ok {
			return c.Class(), true
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if c, ok := find(e); ok {
					return c, true
				}
			}
			return Internal, false
		default:
			return Internal, false
		}
	}
	return Internal, false
}
