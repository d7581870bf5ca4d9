package ics

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// days expands every event into its closed days, sorted by date, one per
// date.
func (r *reader) days(events []*component) ([]Day, error) {
	var out []Day
	for _, ev := range events {
		if st := ev.props["STATUS"]; len(st) > 0 && strings.EqualFold(st[0].value, "CANCELLED") {
			continue // a cancelled event closes nothing
		}
		days, err := r.event(ev)
		if err != nil {
			return nil, err
		}
		out = append(out, days...)
	}
	slices.SortStableFunc(out, func(a, b Day) int { return compareDates(a.Date, b.Date) })
	return slices.CompactFunc(out, func(a, b Day) bool { return a.Date == b.Date }), nil
}

// event returns the days of one VEVENT within FirstYear..LastYear.
func (r *reader) event(ev *component) ([]Day, error) {
	start, err := r.dateProp(ev, "DTSTART", true)
	if err != nil {
		return nil, err
	}
	span, err := r.span(ev, start)
	if err != nil {
		return nil, err
	}
	starts, err := r.starts(ev, start, span)
	if err != nil {
		return nil, err
	}
	name := ""
	if s := ev.props["SUMMARY"]; len(s) > 0 {
		name = unescapeText(s[0].value)
	}
	var out []Day
	for _, s := range starts {
		for d := range span {
			t := s.AddDate(0, 0, d)
			if y := t.Year(); y >= FirstYear && y <= LastYear {
				out = append(out, Day{Date: slo.DateOf(t), Name: name})
			}
		}
	}
	return out, nil
}

// span returns the days an event lasts: DTEND - DTSTART (DTEND is
// exclusive, RFC 5545 section 3.6.1 and erratum 6109), DURATION in days or
// weeks, or one day when neither is given.
func (r *reader) span(ev *component, start time.Time) (int, error) {
	ends, durs := ev.props["DTEND"], ev.props["DURATION"]
	days := 1
	switch {
	case len(ends) > 0 && len(durs) > 0:
		return 0, r.fail(durs[0].line, ErrInvalid, "VEVENT of line %d has both DTEND and DURATION", ev.line)
	case len(ends) > 0:
		end, err := r.dateProp(ev, "DTEND", false)
		if err != nil {
			return 0, err
		}
		if !end.After(start) {
			return 0, r.fail(ends[0].line, ErrInvalid, "DTEND %s is not after DTSTART %s (DTEND is exclusive: a one-day event ends the next day)", ends[0].value, start.Format("20060102"))
		}
		days = MaxSpan + 1 // Sub saturates far past MaxSpan days
		if d := end.Sub(start); d <= time.Duration(MaxSpan)*24*time.Hour {
			days = int(d / (24 * time.Hour))
		}
	case len(durs) > 0:
		n, ok := durationDays(durs[0].value)
		if !ok {
			return 0, r.fail(durs[0].line, ErrInvalid, "DURATION %q: want whole days or weeks, such as P1D or P2W, for an all-day event", clip(durs[0].value))
		}
		days = n
	}
	if days > MaxSpan {
		return 0, r.fail(ev.line, ErrTooLarge, "VEVENT lasts more than %d days", MaxSpan)
	}
	return days, nil
}

// durationDays parses "P<n>D" or "P<n>W" (with an optional leading "+").
func durationDays(s string) (int, bool) {
	s = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "+")
	if len(s) < 3 || s[0] != 'P' {
		return 0, false
	}
	unit := s[len(s)-1]
	n, err := strconv.Atoi(s[1 : len(s)-1])
	if err != nil || n < 1 || n > MaxSpan+1 || (unit != 'D' && unit != 'W') {
		return 0, false
	}
	if unit == 'W' {
		n *= 7
	}
	return n, true
}

// dateProp reads a DATE-valued property of ev: DTSTART (required) or DTEND.
// A value with a time of day is refused: only all-day events close days.
func (r *reader) dateProp(ev *component, name string, required bool) (time.Time, error) {
	ps := ev.props[name]
	if len(ps) == 0 {
		if required {
			return time.Time{}, r.fail(ev.line, ErrInvalid, "VEVENT has no %s", name)
		}
		return time.Time{}, nil
	}
	if len(ps) > 1 {
		return time.Time{}, r.fail(ps[1].line, ErrInvalid, "%s given twice in the VEVENT of line %d", name, ev.line)
	}
	t, err := r.date(ps[0], ps[0].value)
	if err != nil {
		return time.Time{}, err
	}
	return t, nil
}

// date parses one YYYYMMDD value of p, in UTC.
func (r *reader) date(p contentLine, v string) (time.Time, error) {
	if vt := p.params["VALUE"]; vt != "" && !strings.EqualFold(vt, "DATE") || strings.ContainsAny(v, "Tt") {
		return time.Time{}, r.fail(p.line, ErrInvalid, "%s %s has a time of day: only all-day events (%s;VALUE=DATE:YYYYMMDD) close days", p.name, clip(v), p.name)
	}
	t, err := time.Parse("20060102", v)
	if err != nil || len(v) != 8 {
		return time.Time{}, r.fail(p.line, ErrInvalid, "%s %q: want a date YYYYMMDD", p.name, clip(v))
	}
	return t, nil
}

// dateList reads the dates of every property name of ev (RDATE, EXDATE),
// each a comma-separated list.
func (r *reader) dateList(ev *component, name string) ([]time.Time, error) {
	var out []time.Time
	for _, p := range ev.props[name] {
		for v := range strings.SplitSeq(p.value, ",") {
			t, err := r.date(p, v)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		}
	}
	return out, nil
}

func compareDates(a, b slo.Date) int {
	switch {
	case a.Year != b.Year:
		return a.Year - b.Year
	case a.Month != b.Month:
		return int(a.Month) - int(b.Month)
	}
	return a.Day - b.Day
}

// unescapeText undoes the TEXT escapes of RFC 5545 section 3.3.11.
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
