package slo

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tiercel/tiercel/fault"
)

// ErrPriority is wrapped by every error that reports an invalid priority.
var ErrPriority = fault.New(fault.BadRequest, "invalid priority")

// Priority is the priority of a support case, from P1 (critical) to P4 (low).
//
// The zero value is not a valid priority: Valid reports false for it and
// String renders it as "Priority(0)".
type Priority int8

// The four case priorities, most urgent first. What each means (its
// business impact) is the catalog's to say: rules.Engine.PriorityMeaning.
const (
	P1 Priority = 1 + iota // the most urgent
	P2
	P3
	P4 // the least urgent
)

// Priorities lists every valid priority, most urgent first.
var Priorities = [4]Priority{P1, P2, P3, P4}

// ParsePriority parses "P1" to "P4", case-insensitively and ignoring
// surrounding white space. Any other input yields an error wrapping
// ErrPriority.
func ParsePriority(s string) (Priority, error) {
	t := strings.TrimSpace(s)
	if len(t) == 2 && (t[0] == 'P' || t[0] == 'p') && t[1] >= '1' && t[1] <= '4' {
		return Priority(t[1] - '0'), nil
	}
	return 0, fmt.Errorf("%w %q: want one of P1, P2, P3, P4", ErrPriority, s)
}

// Valid reports whether p is one of P1, P2, P3 or P4.
func (p Priority) Valid() bool { return p >= P1 && p <= P4 }

// String returns "P1" to "P4", or "Priority(n)" for an invalid value.
func (p Priority) String() string {
	if p.Valid() {
		return priorityNames[p]
	}
	return "Priority(" + strconv.Itoa(int(p)) + ")"
}

// priorityNames are constants, so String does not allocate on hot paths.
var priorityNames = [P4 + 1]string{P1: "P1", P2: "P2", P3: "P3", P4: "P4"}

// MarshalText encodes a valid priority as "P1" to "P4"; it fails for an
// invalid one.
func (p Priority) MarshalText() ([]byte, error) {
	if !p.Valid() {
		return nil, fmt.Errorf("%w: %d", ErrPriority, int(p))
	}
	return []byte(p.String()), nil
}

// UnmarshalText decodes text with ParsePriority.
func (p *Priority) UnmarshalText(text []byte) error {
	v, err := ParsePriority(string(text))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
