package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tiercel/tiercel/internal/ics"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"
)

// AccountCountry in a calendar's holidays stands for the country given with
// each case (Case.Country): a case counted on the calendar must name one
// (ErrCountryRequired), as a calendar in the account's zone needs a zone.
const AccountCountry = "account"

// AccountCountryIfAny in a calendar's holidays stands for the country given
// with each case, if any: a case that names no country gets no public
// holidays from it.
const AccountCountryIfAny = "account-if-any"

// calendarKeys are the keys of a calendars entry.
var calendarKeys = []string{"description", "zone", "hours", "holidays", "closed", "ics"}

// calendarDef is a calendars entry as written. A definition with errors is
// kept, marked broken, so that references to it do not add "unknown" errors
// on top of its own.
type calendarDef struct {
	broken bool
	id     string
	at     pos
	spec   slo.CalendarSpec
	// accountHolidays: holidays lists "account-if-any" (the country given
	// with each case, if any) or "account" (accountRequired: the country
	// each case must give); "account" wins when both are listed.
	accountHolidays, accountRequired bool
	written                          []slo.Date // the closed list, as written
	icsDays                          []ics.Day  // the days of the ics file, with their names
}

func (d *decoder) parseCalendar(f field) *calendarDef {
	if !d.checkID(f, "calendar") {
		return nil
	}
	if f.Key == slo.AlwaysOpenName {
		d.Fail(f.KeyNode, f.Path, nil, "calendar %q is built in and cannot be redefined", f.Key)
		return nil
	}
	cd := &calendarDef{id: f.Key, at: d.At(f.KeyNode, f.Path), spec: slo.CalendarSpec{Name: f.Key}}
	fields := d.Mapping(f.Value, f.Path, calendarKeys)
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		if f.Value == nil || f.Value.Tag == "!!null" {
			d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with zone and hours")
		}
		cd.broken = true
		return cd
	}
	ok := d.Require(f.KeyNode, f.Path, fields, "zone", "hours")
	for _, c := range fields {
		switch c.Key {
		case "zone":
			z, good := d.Str(c)
			if !good {
				ok = false
				continue
			}
			if z != "account" {
				if _, err := loadZone(z); err != nil {
					d.Fail(c.Value, c.Path, err, "unknown time zone %q", z)
					ok = false
					continue
				}
			}
			cd.spec.Zone = z
		case "hours":
			if !d.parseHours(c, &cd.spec.Week) {
				ok = false
			}
		case "holidays":
			ok = d.parseHolidays(c, cd) && ok
		case "closed":
			for _, it := range d.List(c) {
				date, good := parsed(d, it.Field(c), slo.ParseDate)
				if !good {
					ok = false
					continue
				}
				cd.spec.Closed = append(cd.spec.Closed, date)
				cd.written = append(cd.written, date)
			}
		case "ics":
			ok = d.parseICS(c, cd) && ok
		}
	}
	cd.broken = !ok
	return cd
}

// parseHolidays reads a calendar's holiday countries, "account" and
// "account-if-any" included.
func (d *decoder) parseHolidays(c field, cd *calendarDef) bool {
	ok := true
	for i, code := range d.Strings(c) {
		if code == AccountCountry || code == AccountCountryIfAny {
			cd.accountHolidays = true
			cd.accountRequired = cd.accountRequired || code == AccountCountry
			continue
		}
		if !slices.Contains(slo.HolidayCountries(), code) {
			d.Fail(c.Value.Content[i], yamlpos.Index(c.Path, i), nil, "unknown holiday country %q (known: %s; %s for the country each case must give, %s for the country a case may give)", code, strings.Join(slo.HolidayCountries(), ", "), AccountCountry, AccountCountryIfAny)
			ok = false
			continue
		}
		cd.spec.Holidays = append(cd.spec.Holidays, code)
	}
	return ok
}

var dayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// parseHours fills week from "days: spans" entries and reports overlaps
// between entries naming the same day.
func (d *decoder) parseHours(f field, week *slo.Week) bool {
	entries := d.Mapping(f.Value, f.Path, nil)
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		if f.Value == nil || f.Value.Tag == "!!null" {
			d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must map days to opening hours, e.g. mon-fri: \"09:00-17:00\"")
		}
		return false
	}
	if len(entries) == 0 {
		d.Fail(f.Value, f.Path, nil, "no opening hours: the calendar would never open")
		return false
	}
	ok := true
	var from [7][]field // the entry that gave each span of a day
	for _, e := range entries {
		days, err := slo.ParseDays(e.Key)
		if err != nil {
			d.Fail(e.KeyNode, e.Path, err, "%v", err)
			ok = false
			continue
		}
		spans, good := parsed(d, e, slo.ParseSpans)
		if !good {
			ok = false
			continue
		}
		for _, day := range days {
			week[day] = append(week[day], spans...)
			for range spans {
				from[day] = append(from[day], e)
			}
		}
	}
	// The week's own validation finds spans of one day that overlap, from
	// different entries; each error points at the entry that came second.
	var spanErrs slo.SpanErrors
	if errors.As(week.Validate(), &spanErrs) {
		for _, se := range spanErrs {
			e := from[se.Day][se.Index]
			if se.Other >= 0 {
				d.Fail(e.KeyNode, e.Path, se, "%s on %s overlaps hours.%s", se.Span, dayNames[se.Day], from[se.Day][se.Other].Key)
			} else {
				d.Fail(e.KeyNode, e.Path, se, "%v", se)
			}
		}
		return false
	}
	return ok
}

// calendars are the compiled calendars of a catalog.
type calendars struct {
	byID map[string]*slo.Calendar // by id, "24x7" included
	ids  []string                 // catalog order, "24x7" excluded
	// byCountry holds, for calendars whose holidays include the account's
	// country, the calendar of each country asked for so far.
	byCountry map[string]*countryCalendars
	// written and icsDays keep, by id, the closed dates as written and
	// the days of the ics file, for ClosedDays.
	written map[string][]slo.Date
	icsDays map[string][]ics.Day
}

// compileCalendars checks that calendar ids are unique across files and
// builds each calendar. known reports whether an id names a calendar of the
// catalog, broken ones included, so that references to them add no errors
// of their own.
func (c *compiler) compileCalendars(defs []*calendarDef) (cals calendars, known func(string) bool) {
	cals = calendars{
		byID:      map[string]*slo.Calendar{slo.AlwaysOpenName: slo.AlwaysOpen()},
		byCountry: map[string]*countryCalendars{},
		written:   map[string][]slo.Date{},
		icsDays:   map[string][]ics.Day{},
	}
	calAt := map[string]pos{}
	for _, cd := range defs {
		if !c.claim(calAt, "calendar", cd.id, cd.at) || cd.broken {
			continue
		}
		cal, err := slo.NewCalendar(cd.spec)
		if err != nil {
			c.add(cd.at.Errorf(err, "%v", err))
			continue
		}
		cals.byID[cd.id] = cal
		cals.ids = append(cals.ids, cd.id)
		cals.written[cd.id], cals.icsDays[cd.id] = cd.written, cd.icsDays
		if cd.accountHolidays {
			cals.byCountry[cd.id] = &countryCalendars{spec: cd.spec, optional: !cd.accountRequired, m: map[string]*slo.Calendar{}}
		}
	}
	return cals, func(id string) bool {
		_, ok := calAt[id]
		return ok || id == slo.AlwaysOpenName
	}
}

// forAccount returns the calendar id as an account in zone (nil for none,
// see accountZone) and country ("" for none) counts on it: closed on that
// country's holidays when the calendar's holidays are the account's, and
// the location openings are read in when the calendar runs in the account's
// zone (nil otherwise).
func (cs *calendars) forAccount(id string, zone *time.Location, country string) (*slo.Calendar, *time.Location, error) {
	cal := cs.byID[id]
	if cc := cs.byCountry[id]; cc != nil {
		switch {
		case country != "":
			var err error
			if cal, err = cc.get(country); err != nil {
				return nil, nil, err
			}
		case !cc.optional:
			return nil, nil, fmt.Errorf("%w: calendar %q closes on the holidays of the account's country and the case gives none", ErrCountryRequired, id)
		}
	}
	if !cal.NeedsZone() {
		return cal, nil, nil
	}
	if zone == nil {
		return nil, nil, fmt.Errorf("%w: calendar %q runs in the account's zone and the case gives none", ErrZoneRequired, id)
	}
	return cal, zone, nil
}

// countryCalendars builds, on first use, the variant of one calendar closed
// on a given country's holidays, and keeps it: the engine stays immutable to
// its callers and safe for concurrent use.
type countryCalendars struct {
	spec     slo.CalendarSpec
	optional bool // holidays: [account-if-any]: a case may name no country
	mu       sync.RWMutex
	m        map[string]*slo.Calendar
}

func (cc *countryCalendars) get(country string) (*slo.Calendar, error) {
	cc.mu.RLock()
	cal, ok := cc.m[country]
	cc.mu.RUnlock()
	if ok {
		return cal, nil
	}
	lower := strings.ToLower(country)
	if !slices.Contains(slo.HolidayCountries(), lower) {
		return nil, fmt.Errorf("%w: unknown holiday country %q", ErrInvalidCase, country)
	}
	spec := cc.spec
	spec.Holidays = append(slices.Clone(spec.Holidays), lower)
	cal, err := slo.NewCalendar(spec)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidCase, err)
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if prev, ok := cc.m[country]; ok {
		return prev, nil
	}
	cc.m[country] = cal
	return cal, nil
}

// loadZone loads an IANA zone once (see slo.LoadZone); its errors read
// `invalid zone: "name"` and wrap ErrInvalidZone and slo's reason.
func loadZone(name string) (*time.Location, error) {
	l, err := slo.LoadZone(name)
	if err != nil {
		return nil, &zoneError{name: name, err: err}
	}
	return l, nil
}

// accountZone resolves the zone of a case, contract or scope once per
// decision: nil for the empty name (no zone given: instants are shown in
// UTC or the calendar's own zone, and a calendar in the account's zone
// fails with ErrZoneRequired), else the location, or loadZone's error
// wrapping ErrInvalidZone.
func accountZone(name string) (*time.Location, error) {
	if name == "" {
		return nil, nil
	}
	return loadZone(name)
}

// zoneError is an input's zone that slo.LoadZone refused.
type zoneError struct {
	name string
	err  error // slo.LoadZone's reason
}

func (e *zoneError) Error() string   { return fmt.Sprintf("%v: %q", ErrInvalidZone, e.name) }
func (e *zoneError) Unwrap() []error { return []error{ErrInvalidZone, e.err} }
