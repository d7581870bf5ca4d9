package ics

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/teambition/rrule-go"
)

// frequencies are the RRULE frequencies an all-day event may repeat at.
var frequencies = []string{"YEARLY", "MONTHLY", "WEEKLY", "DAILY"}

// lastDay is the last instant recurrences are expanded to.
var lastDay = time.Date(LastRecurrenceYear, time.December, 31, 0, 0, 0, 0, time.UTC)

// starts returns the first days of the occurrences of ev: DTSTART, or its
// RRULE's occurrences, with the RDATEs, less the EXDATEs. Every occurrence
// counts span days against MaxDays.
func (r *reader) starts(ev *component, start time.Time, span int) ([]time.Time, error) {
	rdates, err := r.dateList(ev, "RDATE")
	if err != nil {
		return nil, err
	}
	exdates, err := r.dateList(ev, "EXDATE")
	if err != nil {
		return nil, err
	}
	out := []time.Time{start}
	if rules := ev.props["RRULE"]; len(rules) > 0 {
		if out, err = r.expand(ev, rules, start, span); err != nil {
			return nil, err
		}
	} else if err := r.spend(ev, span); err != nil {
		return nil, err
	}
	for _, d := range rdates {
		if err := r.spend(ev, span); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return slices.DeleteFunc(out, func(t time.Time) bool { return slices.ContainsFunc(exdates, t.Equal) }), nil
}

// spend counts days generated for ev against MaxDays.
func (r *reader) spend(ev *component, days int) error {
	r.budget += days
	if r.budget > MaxDays {
		return r.fail(ev.line, ErrTooLarge, "the file's events make more than %d days (the VEVENT of line %d passes the limit)", MaxDays, ev.line)
	}
	return nil
}

// expand returns the occurrences of an event's RRULE up to
// LastRecurrenceYear at most.
func (r *reader) expand(ev *component, rules []contentLine, start time.Time, span int) (out []time.Time, err error) {
	p := rules[0]
	defer func() { // rrule-go is not ours: a panic on a strange rule becomes this rule's error
		if v := recover(); v != nil {
			out, err = nil, r.fail(p.line, ErrInvalid, "RRULE %s: cannot be expanded (%v)", clip(p.value), v)
		}
	}()
	if len(rules) > 1 {
		return nil, r.fail(rules[1].line, ErrInvalid, "a second RRULE in the VEVENT of line %d: give one", ev.line)
	}
	if r.recurring++; r.recurring > MaxRecurring {
		return nil, r.fail(p.line, ErrTooLarge, "more than %d recurring events", MaxRecurring)
	}
	if y := start.Year(); y < FirstYear || y > LastRecurrenceYear {
		return nil, r.fail(p.line, ErrInvalid, "a recurring event must start from %d to %d: DTSTART is in %d", FirstYear, LastRecurrenceYear, y)
	}
	until, err := r.checkRule(p)
	if err != nil {
		return nil, err
	}
	opt, err := rrule.StrToROption(strings.ToUpper(p.value)) // RFC 5545 names are case-insensitive
	if err != nil {
		return nil, r.fail(p.line, fmt.Errorf("%w: %w", ErrInvalid, err), "RRULE %s: %v", clip(p.value), err)
	}
	opt.Dtstart = start
	switch {
	case until && opt.Until.Before(start):
		// No occurrence, as rrule-go expands any UNTIL before DTSTART;
		// UNTIL=00010101 too, which its zero Until would take for none.
		return nil, nil
	case !until || opt.Until.After(lastDay):
		opt.Until = lastDay // a rule without an end, or ending later, stops at LastRecurrenceYear
	}
	if err := r.scan(ev, p, opt); err != nil {
		return nil, err
	}
	rule, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, r.fail(p.line, fmt.Errorf("%w: %w", ErrInvalid, err), "RRULE %s: %v", clip(p.value), err)
	}
	next := rule.Iterator()
	for t, ok := next(); ok; t, ok = next() {
		if err := r.spend(ev, span); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// scanWeight is the work rrule-go does on one period of each frequency,
// in units of about a microsecond (a year's period rebuilds a table of the
// year's days; a day's is a single step).
var scanWeight = map[rrule.Frequency]int{rrule.YEARLY: 40, rrule.MONTHLY: 4, rrule.WEEKLY: 3, rrule.DAILY: 1}

// scan counts against MaxScan the periods rrule-go visits to expand opt:
// every one from DTSTART to UNTIL (clamped to LastRecurrenceYear), unless COUNT ends a rule
// without BY parts sooner, as a rule whose parts never match (BYMONTH=2;BYMONTHDAY=30) visits them all
// and finds nothing.
func (r *reader) scan(ev *component, p contentLine, opt *rrule.ROption) error {
	from, to := opt.Dtstart, opt.Until
	var periods int
	switch opt.Freq {
	case rrule.YEARLY:
		periods = to.Year() - from.Year() + 1
	case rrule.MONTHLY:
		periods = (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1
	case rrule.WEEKLY:
		periods = int(to.Sub(from).Hours()/24)/7 + 1
	default:
		periods = int(to.Sub(from).Hours()/24) + 1
	}
	if opt.Interval > 1 {
		periods = periods/opt.Interval + 1
	}
	if opt.Count > 0 && everyPeriod(opt) {
		periods = min(periods, opt.Count) // each period is an occurrence
	}
	r.scanned += max(periods, 0) * scanWeight[opt.Freq]
	if r.scanned > MaxScan {
		return r.fail(p.line, ErrTooLarge, "the file's recurrence rules scan more than %d units of periods (the RRULE of the VEVENT of line %d passes the limit: start it later or end it sooner)", MaxScan, ev.line)
	}
	return nil
}

// everyPeriod reports whether opt has no BY part: each of its periods
// then holds one occurrence.
func everyPeriod(opt *rrule.ROption) bool {
	return len(opt.Bymonth)+len(opt.Bymonthday)+len(opt.Byweekday)+len(opt.Byyearday)+
		len(opt.Byweekno)+len(opt.Bysetpos)+len(opt.Byeaster) == 0
}

// checkRule refuses what rrule-go would accept but an all-day event cannot
// mean: a FREQ other than YEARLY, MONTHLY, WEEKLY or DAILY, times of day
// (BYHOUR, BYMINUTE, BYSECOND), an UNTIL with a time, a COUNT below 1.
// It reports whether the rule gives an UNTIL.
func (r *reader) checkRule(p contentLine) (until bool, err error) {
	freq := ""
	for part := range strings.SplitSeq(p.value, ";") {
		k, v, _ := strings.Cut(part, "=")
		switch strings.ToUpper(k) {
		case "FREQ":
			freq = strings.ToUpper(v)
		case "BYHOUR", "BYMINUTE", "BYSECOND":
			return false, r.fail(p.line, ErrInvalid, "RRULE %s: an all-day event has no times of day", clip(part))
		case "UNTIL":
			if strings.ContainsAny(v, "Tt") {
				return false, r.fail(p.line, ErrInvalid, "RRULE UNTIL=%s has a time of day: an all-day event ends on a date YYYYMMDD", clip(v))
			}
			until = true
		case "COUNT":
			if n, err := strconv.Atoi(v); err != nil || n < 1 {
				return false, r.fail(p.line, ErrInvalid, "RRULE COUNT=%s: want a whole number of at least 1", clip(v))
			}
		}
	}
	if !slices.Contains(frequencies, freq) {
		return false, r.fail(p.line, ErrInvalid, "RRULE FREQ=%s: want one of %s for an all-day event", clip(freq), strings.Join(frequencies, ", "))
	}
	return until, nil
}
