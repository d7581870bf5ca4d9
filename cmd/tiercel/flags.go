// Parsing and formatting helpers shared by the commands.

package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

// parseInstant reads an instant flag as every command, suite and file
// does, with input.ParseTime: RFC 3339, or a local time or a date in loc
// (the --zone given, or UTC).
func parseInstant(flagName, s string, loc *time.Location) (time.Time, error) {
	t, err := input.ParseTime(s, loc)
	if err != nil {
		return time.Time{}, usagef("--%s: %v", flagName, err)
	}
	return t, inYears("--"+flagName+":", t)
}

// inYears returns a usage error unless t, as written and in UTC, is within
// years 0001-9999: RFC 3339 has no other years, so the command could not
// print the instants it derives.
func inYears(what string, t time.Time) error {
	if err := printable(what, t); err != nil {
		return usagef("%s", err)
	}
	return nil
}

// errYears is wrapped by the error of an instant RFC 3339 cannot write: a
// derived instant (a due date) past year 9999 is fault.Limit, exit status
// 5; an instant typed on the command line is a usage error (inYears).
var errYears = fault.New(fault.Limit, "outside years 0001-9999")

// printable returns an error naming what unless RFC 3339 can write t as
// written and in UTC: its year is within 0001-9999 in both. The zero time
// (0001-01-01T00:00:00Z) is printable.
func printable(what string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%s %s is %w", what, t.Format(time.RFC3339Nano), errYears)
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%s %s is %s in UTC, %w", what, t.Format(time.RFC3339Nano),
			t.UTC().Format(time.RFC3339Nano), errYears)
	}
	return nil
}

// shown is an instant a command prints, with its label.
type shown struct {
	what string
	t    time.Time
}

// allPrintable returns the error of the first instant printable refuses.
func allPrintable(list ...shown) error {
	for _, s := range list {
		if err := printable(s.what, s.t); err != nil {
			return err
		}
	}
	return nil
}

func parseMoney(what, s string) (money.Money, error) {
	m, err := money.ParseMoney(s)
	if err != nil {
		return money.Money{}, usagef("%s: %v", what, err)
	}
	return m, nil
}

// loadZone reads a --zone value with slo.ZoneOrUTC: empty means UTC, and
// "Local" (the machine's zone) is refused.
func loadZone(s string) (*time.Location, error) {
	loc, err := slo.ZoneOrUTC(s)
	if err != nil {
		return nil, usagef("--zone: unknown time zone %q: want an IANA name such as America/New_York", s)
	}
	return loc, nil
}

// parseAttrs reads key=value pairs for CEL: true and false are booleans,
// integers are ints, anything else is a string.
func parseAttrs(kvs []string) (map[string]any, error) {
	if len(kvs) == 0 {
		return nil, nil
	}
	m := make(map[string]any, len(kvs))
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, usagef("--attr: want key=value, got %q", kv)
		}
		m[k] = input.AttrValue(v)
	}
	return m, nil
}

// flagValue is a flag's name and the value given, "" when not.
type flagValue struct{ name, v string }

// requireFlags returns a usage error naming the first of flags not given.
func requireFlags(flags ...flagValue) error {
	for _, f := range flags {
		if f.v == "" {
			return usagef("--%s is required", f.name)
		}
	}
	return nil
}

// plural writes "1 argument", "2 arguments".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// formatInstant writes t, an instant every output that shows it has
// (0001-01-01T00:00:00Z too: it is never "-"), in RFC 3339.
func formatInstant(t time.Time) string { return t.Format(time.RFC3339) }
