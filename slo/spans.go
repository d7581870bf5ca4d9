package slo

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/fault"
)

// Errors wrapped by the parsers of calendar definitions.
var (
	ErrSpans = fault.New(fault.BadRequest, "invalid opening hours") // ParseSpans and Week spans
	ErrDays  = fault.New(fault.BadRequest, "invalid days")          // ParseDays
	ErrDate  = fault.New(fault.BadRequest, "invalid date")          // ParseDate and closed dates
)

// Date is a civil date in the proleptic Gregorian calendar, without a time of
// day or zone. The zero value is not a valid date.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses a date written "YYYY-MM-DD", for example "2026-12-24",
// with a year from 0001 to 9999. Errors wrap ErrDate.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	if len(t) != 10 || t[4] != '-' || t[7] != '-' {
		return Date{}, fmt.Errorf("%w %q: want YYYY-MM-DD such as 2026-12-24", ErrDate, s)
	}
	y, ok1 := atoiDigits(t[0:4])
	m, ok2 := atoiDigits(t[5:7])
	d, ok3 := atoiDigits(t[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%w %q: want YYYY-MM-DD such as 2026-12-24", ErrDate, s)
	}
	date := Date{y, time.Month(m), d}
	if err := date.check(); err != nil {
		return Date{}, fmt.Errorf("%w %q: %v", ErrDate, s, err)
	}
	return date, nil
}

func atoiDigits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Valid reports whether d is a real date with a year from 1 to 9999.
func (d Date) Valid() bool { return d.check() == nil }

func (d Date) check() error {
	if d.Year < 1 || d.Year > 9999 {
		return fmt.Errorf("year %d out of range 1-9999", d.Year)
	}
	if d.Month < time.January || d.Month > time.December {
		return fmt.Errorf("month %d out of range 1-12", int(d.Month))
	}
	if n := daysIn(d.Year, d.Month); d.Day < 1 || d.Day > n {
		return fmt.Errorf("day %d out of range 1-%d for %s %d", d.Day, n, d.Month, d.Year)
	}
	return nil
}

// number returns the day number of d, as dayNumber counts days.
func (d Date) number() int64 { return dayNumber(int64(d.Year), int64(d.Month), int64(d.Day)) }

// String formats the date as "YYYY-MM-DD".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText encodes the date as "YYYY-MM-DD".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes text with ParseDate.
func (d *Date) UnmarshalText(text []byte) error {
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(int64(y)) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Span is one stretch of opening hours within a day, as offsets of local
// wall-clock time from midnight: 0 <= Start < End <= 24h. End 24h means
// midnight at the end of the day, which joins seamlessly with a span starting
// at 00:00 on the next day.
type Span struct {
	Start, End time.Duration
}

// String formats the span as "HH:MM-HH:MM" (with seconds if it has any).
func (s Span) String() string { return clock(s.Start) + "-" + clock(s.End) }

func clock(d time.Duration) string {
	if d < 0 || d > 24*time.Hour {
		return FormatDuration(d)
	}
	h, m, sec := d/time.Hour, d%time.Hour/time.Minute, d%time.Minute
	if sec != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, sec/time.Second)
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

// Week holds the opening hours of each day of the week, indexed by
// time.Weekday (Sunday is 0). A day without spans is closed all day.
type Week [7][]Span

// ParseSpans parses a comma-separated list of "HH:MM-HH:MM" spans, for
// example "09:00-17:00", "08:00-12:00, 13:00-17:00" or "17:00-24:00". Hours
// run from 00 to 24 (24:00 only as an end), minutes from 00 to 59; "closed"
// is an empty list. The spans are returned sorted; spans that touch (one ends
// where the next starts) are merged. A span ending before or where it starts,
// a time past 24:00, overlapping spans and bad syntax are errors wrapping
// ErrSpans.
func ParseSpans(s string) ([]Span, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return nil, fmt.Errorf("%w %q: empty, want spans such as \"09:00-17:00\" or \"closed\"", ErrSpans, s)
	}
	if strings.EqualFold(t, "closed") {
		return []Span{}, nil
	}
	var spans []Span
	for part := range strings.SplitSeq(t, ",") {
		p := strings.TrimSpace(part)
		a, b, ok := strings.Cut(p, "-")
		if !ok {
			return nil, fmt.Errorf("%w %q: span %q: want HH:MM-HH:MM", ErrSpans, s, p)
		}
		start, err := parseClock(strings.TrimSpace(a))
		if err != nil {
			return nil, fmt.Errorf("%w %q: span %q: start %v", ErrSpans, s, p, err)
		}
		end, err := parseClock(strings.TrimSpace(b))
		if err != nil {
			return nil, fmt.Errorf("%w %q: span %q: end %v", ErrSpans, s, p, err)
		}
		spans = append(spans, Span{start, end})
	}
	all := make([]int, len(spans))
	for i, sp := range spans {
		if msg := spanProblem(sp); msg != "" {
			return nil, fmt.Errorf("%w %q: span %s %s", ErrSpans, s, sp, msg)
		}
		all[i] = i
	}
	for i, j := range overlaps(spans, all) {
		return nil, fmt.Errorf("%w %q: spans %s and %s overlap", ErrSpans, s, spans[j], spans[i])
	}
	return mergeSpans(spans), nil
}

// parseClock parses "H:MM" or "HH:MM" from 00:00 to 24:00.
func parseClock(s string) (time.Duration, error) {
	hs, ms, ok := strings.Cut(s, ":")
	if !ok || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return 0, fmt.Errorf("%q: want HH:MM", s)
	}
	h, ok1 := atoiDigits(hs)
	m, ok2 := atoiDigits(ms)
	if !ok1 || !ok2 {
		return 0, fmt.Errorf("%q: want HH:MM", s)
	}
	if m > 59 {
		return 0, fmt.Errorf("%q: minutes past 59", s)
	}
	if h > 24 || h == 24 && m != 0 {
		return 0, fmt.Errorf("%q: past 24:00", s)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, nil
}

// mergeSpans returns a sorted copy of spans, valid and not overlapping
// (see Week.Validate), with touching spans merged.
func mergeSpans(in []Span) []Span {
	spans := slices.Clone(in)
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.Start == out[n-1].End {
			out[n-1].End = sp.End
			continue
		}
		out = append(out, sp)
	}
	return out
}

var dayNames = [7][2]string{
	{"sun", "sunday"}, {"mon", "monday"}, {"tue", "tuesday"}, {"wed", "wednesday"},
	{"thu", "thursday"}, {"fri", "friday"}, {"sat", "saturday"},
}

func parseDay(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, n := range dayNames {
		if s == n[0] || s == n[1] {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// ParseDays parses a set of weekdays: a day ("sun", "monday"), a range
// ("mon-fri", "sat-sun", which may wrap around the week as in "fri-mon"), a
// comma-separated list of those ("mon,wed,fri"), or one of the words "daily",
// "weekdays" (mon-fri) and "weekends" (sat-sun). Matching is
// case-insensitive. The days are returned in time.Weekday order; naming a day
// twice is an error. Errors wrap ErrDays.
func ParseDays(s string) ([]time.Weekday, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "":
		return nil, fmt.Errorf("%w %q: empty, want days such as \"mon-fri\"", ErrDays, s)
	case "daily", "everyday":
		t = "sun-sat"
	case "weekdays":
		t = "mon-fri"
	case "weekends":
		t = "sat-sun"
	}
	var seen [7]bool
	for part := range strings.SplitSeq(t, ",") {
		a, b, isRange := strings.Cut(part, "-")
		from, ok := parseDay(a)
		if !ok {
			return nil, fmt.Errorf("%w %q: unknown day %q (want sun, mon, tue, wed, thu, fri or sat)", ErrDays, s, strings.TrimSpace(a))
		}
		to := from
		if isRange {
			if to, ok = parseDay(b); !ok {
				return nil, fmt.Errorf("%w %q: unknown day %q (want sun, mon, tue, wed, thu, fri or sat)", ErrDays, s, strings.TrimSpace(b))
			}
		}
		for d := from; ; d = (d + 1) % 7 {
			if seen[d] {
				return nil, fmt.Errorf("%w %q: %s named twice", ErrDays, s, dayNames[d][0])
			}
			seen[d] = true
			if d == to {
				break
			}
		}
	}
	var out []time.Weekday
	for d, ok := range seen {
		if ok {
			out = append(out, time.Weekday(d))
		}
	}
	return out, nil
}
