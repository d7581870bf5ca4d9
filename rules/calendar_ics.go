package rules

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/internal/ics"
	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/slo"
)

// Errors of a calendar's ics file (the calendars.ID.ics key). They are
// wrapped, with ErrInvalidCatalog, by the positioned error at the key.
var (
	// ErrInvalidICS is wrapped by the error of an ics file that is not an
	// iCalendar file of all-day events; the message names its line.
	ErrInvalidICS = ics.ErrInvalid
	// ErrICSTooLarge is wrapped by the error of an ics file past a limit:
	// 10,000 events, 256 recurring events, 100,000 event days, an event
	// of more than 366 days, or rules that scan too many periods (see the
	// README's "Holidays from an iCalendar file").
	ErrICSTooLarge = ics.ErrTooLarge
	// ErrICSWithoutFile is wrapped by the error of an ics key in a catalog
	// compiled from bytes (Compile): it has no directory to resolve the
	// path against, and tiercel does not guess one. Use Load.
	ErrICSWithoutFile = fault.New(fault.BadInput, "an ics file needs a catalog read from a file")
	// ErrUnknownCalendar is returned by ClosedDays for an id that names no
	// calendar of the catalog.
	ErrUnknownCalendar = fault.New(fault.Undecidable, "unknown calendar")
)

// parseICS reads the iCalendar file a calendar's ics key names, relative to
// the catalog file's directory, and closes the calendar on its days.
func (d *decoder) parseICS(c field, cd *calendarDef) bool {
	name, ok := d.Str(c)
	if !ok {
		return false
	}
	if !d.fromFile {
		d.Fail(c.Value, c.Path, ErrICSWithoutFile, "%v: %q cannot be resolved in a catalog compiled from bytes (rules.Compile); load the catalog from its file (rules.Load)", ErrICSWithoutFile, name)
		return false
	}
	if filepath.IsAbs(name) || strings.TrimSpace(name) == "" {
		d.Fail(c.Value, c.Path, ErrInvalidICS, "%q: give the path of an .ics file relative to the catalog file", name)
		return false
	}
	path := filepath.Join(filepath.Dir(d.File()), filepath.FromSlash(name))
	src, err := readfile.Read(path)
	if err != nil {
		d.Fail(c.Value, c.Path, err, "%v", err)
		return false
	}
	days, err := ics.Read(path, src)
	if err != nil {
		d.Fail(c.Value, c.Path, err, "%v", err)
		return false
	}
	for _, day := range days {
		cd.spec.Closed = append(cd.spec.Closed, day.Date)
	}
	cd.icsDays = days
	return true
}

// ClosedDay is one date a calendar is closed all day, and why.
type ClosedDay struct {
	Date slo.Date
	// Name says why: the public holidays' names, an ics event's SUMMARY,
	// "closed" for a date of the calendar's closed list, joined by "; "
	// when several close the same date.
	Name string
}

// ClosedDays returns the dates the calendar id is closed all day from from
// to to inclusive, sorted: its holiday countries' public holidays, its
// closed dates and the days of its ics file. Holidays of the account's
// country (holidays: [account]) depend on each case and are not listed.
// The 24x7 calendar has none. An unknown id is an error wrapping
// ErrUnknownCalendar; from after to, or an invalid date, wraps slo.ErrDate.
func (e *Engine) ClosedDays(id string, from, to slo.Date) ([]ClosedDay, error) {
	cal, ok := e.calendars.byID[id]
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownCalendar, id, strings.Join(e.Calendars(), ", "))
	}
	if !from.Valid() || !to.Valid() || dateAfter(from, to) {
		return nil, fmt.Errorf("%w: from %v to %v: want two valid dates, the first not after the second", slo.ErrDate, from, to)
	}
	names := map[slo.Date][]string{}
	add := func(d slo.Date, name string) {
		if !dateAfter(from, d) && !dateAfter(d, to) && !slices.Contains(names[d], name) {
			names[d] = append(names[d], name)
		}
	}
	spec := cal.Spec()
	for _, country := range spec.Holidays {
		hs, err := slo.Holidays(country, from, to)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			add(h.Date, h.Name)
		}
	}
	for _, d := range e.calendars.written[id] {
		add(d, "closed")
	}
	for _, d := range e.calendars.icsDays[id] {
		add(d.Date, d.Name)
	}
	out := make([]ClosedDay, 0, len(names))
	for d, ns := range names {
		out = append(out, ClosedDay{Date: d, Name: strings.Join(ns, "; ")})
	}
	slices.SortFunc(out, func(a, b ClosedDay) int {
		if dateAfter(a.Date, b.Date) {
			return 1
		}
		return -1
	})
	return out, nil
}

// dateAfter reports whether a is after b.
func dateAfter(a, b slo.Date) bool {
	if a.Year != b.Year {
		return a.Year > b.Year
	}
	if a.Month != b.Month {
		return a.Month > b.Month
	}
	return a.Day > b.Day
}
