// Package ics reads and writes the closed days of a calendar as iCalendar
// (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545) files.
//
// Read takes the all-day events (VEVENT with DTSTART;VALUE=DATE) of a file,
// expands their recurrence (RRULE, RDATE, EXDATE) with
// github.com/teambition/rrule-go, and returns the closed days, each with the
// event's SUMMARY. The content lines are read here, not by an iCalendar
// library, so that every error names the line of the file it comes from and
// the reading stays bounded (MaxEvents, MaxRecurring, MaxDays, MaxSpan, MaxScan).
// Write produces a VCALENDAR of all-day events that Read reads back to the
// same days.
package ics

import (
	"fmt"
	"strings"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

// Limits of Read: a file beyond one of them is refused with an error
// wrapping ErrTooLarge, so that a hostile file cannot make tiercel expand
// millions of days.
const (
	MaxEvents    = 10_000  // VEVENT components in one file
	MaxRecurring = 256     // VEVENTs with an RRULE in one file
	MaxDays      = 100_000 // event days generated in one file, before and after FirstYear..LastYear
	MaxSpan      = 366     // days of one event (DTEND - DTSTART)
	// MaxScan bounds the work of expanding the file's RRULEs, whatever they
	// match: a rule costs every period from its DTSTART to its UNTIL (or the
	// end of LastRecurrenceYear), a year 40 units, a month 4, a week 3, a
	// day 1, about a microsecond each: a yearly rule from 2026 costs 3,000.
	MaxScan  = 300_000
	maxDepth = 8 // nested components (VCALENDAR > VEVENT > VALARM ...)
)

// The years whose days Read returns: days outside the range are dropped, as
// public holidays are outside it (see slo.FirstHolidayYear). Recurrences
// stop at the end of LastRecurrenceYear, so that expanding them stays cheap
// (see MaxScan); an event of a later year still counts.
const (
	FirstYear          = slo.FirstHolidayYear
	LastYear           = slo.LastHolidayYear
	LastRecurrenceYear = 2100
)

var (
	// ErrInvalid is wrapped by the errors of a file that is not a valid
	// iCalendar file of all-day events.
	ErrInvalid = fault.New(fault.BadInput, "invalid iCalendar file")
	// ErrTooLarge is wrapped by the errors of a file past one of the limits
	// (MaxEvents, MaxRecurring, MaxDays, MaxSpan, MaxScan).
	ErrTooLarge = fault.New(fault.Limit, "iCalendar file past a limit")
)

// Day is one closed day: its date and the name of the event that closes it
// (the SUMMARY, "" for none).
type Day struct {
	Date slo.Date
	Name string
}

// Error is a problem of an iCalendar file, at a line (1-based; the first
// physical line of a folded content line). It reads "file:line: message"
// and wraps ErrInvalid or ErrTooLarge.
type Error struct {
	File string
	Line int
	Msg  string
	Err  error // ErrInvalid or ErrTooLarge, possibly wrapping a cause
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Unwrap returns the sentinel (and cause) the error wraps.
func (e *Error) Unwrap() error { return e.Err }

// contentLine is one unfolded content line: NAME;PARAM=V:VALUE.
type contentLine struct {
	line   int
	name   string            // upper case
	params map[string]string // upper-case names; values unquoted, joined by ","
	value  string
}

// component is a parsed component with its direct properties.
type component struct {
	name  string
	line  int
	props map[string][]contentLine
}

// Read returns the closed days of the iCalendar file src, named file in
// errors, sorted by date; a date closed by two events appears once, with
// the first event's name. Read is safe for concurrent use.
func Read(file string, src []byte) ([]Day, error) {
	r := &reader{file: file}
	events, err := r.components(src)
	if err != nil {
		return nil, err
	}
	return r.days(events)
}

type reader struct {
	file      string
	budget    int // event days generated so far, against MaxDays
	scanned   int // the cost of the rules expanded so far, against MaxScan
	recurring int
}

func (r *reader) fail(line int, sentinel error, format string, args ...any) *Error {
	return &Error{File: r.file, Line: line, Msg: fmt.Sprintf(format, args...), Err: sentinel}
}

// components reads the VEVENTs of every VCALENDAR of src.
func (r *reader) components(src []byte) ([]*component, error) {
	lines, err := r.unfold(strings.TrimPrefix(string(src), "\uFEFF")) // a byte order mark, as some exporters write
	if err != nil {
		return nil, err
	}
	var events []*component
	var stack []*component
	calendars := 0
	for _, cl := range lines {
		switch cl.name {
		case "BEGIN":
			name := strings.ToUpper(cl.value)
			if len(stack) == 0 && name != "VCALENDAR" {
				return nil, r.fail(cl.line, ErrInvalid, "BEGIN:%s outside a VCALENDAR: not an iCalendar file", clip(cl.value))
			}
			if len(stack) >= maxDepth {
				return nil, r.fail(cl.line, ErrTooLarge, "components nested deeper than %d", maxDepth)
			}
			if name == "VCALENDAR" {
				if len(stack) > 0 {
					return nil, r.fail(cl.line, ErrInvalid, "BEGIN:VCALENDAR inside %s", stack[len(stack)-1].name)
				}
				calendars++
			}
			c := &component{name: name, line: cl.line, props: map[string][]contentLine{}}
			if name == "VEVENT" && len(stack) == 1 {
				if len(events) == MaxEvents {
					return nil, r.fail(cl.line, ErrTooLarge, "more than %d events", MaxEvents)
				}
				events = append(events, c)
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 {
				return nil, r.fail(cl.line, ErrInvalid, "END:%s without BEGIN", clip(cl.value))
			}
			if top := stack[len(stack)-1]; !strings.EqualFold(cl.value, top.name) {
				return nil, r.fail(cl.line, ErrInvalid, "END:%s closes BEGIN:%s of line %d", clip(cl.value), top.name, top.line)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, r.fail(cl.line, ErrInvalid, "%s outside a VCALENDAR: not an iCalendar file", clip(cl.name))
			}
			top := stack[len(stack)-1]
			top.props[cl.name] = append(top.props[cl.name], cl)
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return nil, r.fail(top.line, ErrInvalid, "BEGIN:%s is never ended", top.name)
	}
	if calendars == 0 {
		return nil, r.fail(1, ErrInvalid, "no BEGIN:VCALENDAR: not an iCalendar file")
	}
	return events, nil
}

// unfold splits src into content lines (RFC 5545 section 3.1): a line that
// starts with a space or a tab continues the previous one. CRLF and LF line
// ends are both accepted; empty lines are skipped.
func (r *reader) unfold(src string) ([]contentLine, error) {
	var out []contentLine
	var cur strings.Builder
	start := 0
	flush := func() error {
		if start == 0 {
			return nil
		}
		cl, err := r.parseLine(start, cur.String())
		if err != nil {
			return err
		}
		out = append(out, cl)
		cur.Reset()
		start = 0
		return nil
	}
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line != "" && (line[0] == ' ' || line[0] == '\t') && start != 0 {
			cur.WriteString(line[1:])
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		start = i + 1
		cur.WriteString(line)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// parseLine splits one content line into its name, parameters and value.
// A parameter value may be quoted, and may then hold ':' ';' ','.
func (r *reader) parseLine(line int, s string) (contentLine, error) {
	cl := contentLine{line: line, params: map[string]string{}}
	i := strings.IndexAny(s, ";:")
	if i <= 0 {
		return cl, r.fail(line, ErrInvalid, "content line %q has no NAME:VALUE", clip(s))
	}
	cl.name = strings.ToUpper(s[:i])
	for s[i] == ';' {
		s = s[i+1:]
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return cl, r.fail(line, ErrInvalid, "%s: parameter without NAME=VALUE", clip(cl.name))
		}
		pname := strings.ToUpper(s[:eq])
		s = s[eq+1:]
		var vals []string
		for {
			var v string
			if strings.HasPrefix(s, `"`) {
				end := strings.IndexByte(s[1:], '"')
				if end < 0 {
					return cl, r.fail(line, ErrInvalid, "%s: parameter %s has an unclosed quote", clip(cl.name), clip(pname))
				}
				v, s = s[1:end+1], s[end+2:]
			} else {
				j := strings.IndexAny(s, ",;:")
				if j < 0 {
					return cl, r.fail(line, ErrInvalid, "%s: no ':' before the value", clip(cl.name))
				}
				v, s = s[:j], s[j:]
			}
			vals = append(vals, v)
			if !strings.HasPrefix(s, ",") {
				break
			}
			s = s[1:]
		}
		cl.params[pname] = strings.Join(vals, ",")
		if s == "" || (s[0] != ';' && s[0] != ':') {
			return cl, r.fail(line, ErrInvalid, "%s: no ':' before the value", clip(cl.name))
		}
		i = 0
	}
	cl.value = s[i+1:]
	return cl, nil
}

// clip shortens what a file wrote before it is quoted in an error.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
