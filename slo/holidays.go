package slo

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/ar"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/be"
	"github.com/rickar/cal/v2/bg"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/ch"
	"github.com/rickar/cal/v2/cz"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickar/cal/v2/ecb"
	"github.com/rickar/cal/v2/es"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/gr"
	"github.com/rickar/cal/v2/hr"
	"github.com/rickar/cal/v2/ie"
	"github.com/rickar/cal/v2/it"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/lt"
	"github.com/rickar/cal/v2/lv"
	"github.com/rickar/cal/v2/mw"
	"github.com/rickar/cal/v2/nc"
	"github.com/rickar/cal/v2/nl"
	"github.com/rickar/cal/v2/no"
	"github.com/rickar/cal/v2/nz"
	"github.com/rickar/cal/v2/pl"
	"github.com/rickar/cal/v2/ro"
	"github.com/rickar/cal/v2/ru"
	"github.com/rickar/cal/v2/se"
	"github.com/rickar/cal/v2/si"
	"github.com/rickar/cal/v2/sk"
	"github.com/rickar/cal/v2/ua"
	"github.com/rickar/cal/v2/us"
	"github.com/rickar/cal/v2/za"

	"github.com/tiercel/tiercel/fault"
)

// The years whose public holidays calendars observe. Outside this range a
// calendar applies no public holidays (its weekly hours and closed dates
// still apply); nothing fails.
const (
	FirstHolidayYear = 1900
	LastHolidayYear  = 2200
)

// ErrUnknownCountry is wrapped by the error NewCalendar returns for a holiday
// country code HolidayCountries does not list.
var ErrUnknownCountry = fault.New(fault.BadRequest, "unknown holiday country")

// holidaySets maps a country (or region) code to its rickar/cal holidays:
// each package's standard national list, and for Australia, which has none,
// the lists of its states and territories.
var holidaySets = map[string][]*cal.Holiday{
	"ar": ar.Holidays, "at": at.Holidays, "be": be.Holidays, "bg": bg.Holidays,
	"br": br.Holidays, "ca": ca.Holidays, "ch": ch.Holidays, "cz": cz.Holidays,
	"de": de.Holidays, "dk": dk.Holidays, "ecb": ecb.Holidays, "es": es.Holidays,
	"fr": fr.Holidays, "gb": gb.Holidays, "gr": gr.Holidays, "hr": hr.Holidays,
	"ie": ie.Holidays, "it": it.Holidays, "jp": jp.Holidays, "lt": lt.Holidays,
	"lv": lv.Holidays, "mw": mw.Holidays, "nc": nc.Holidays, "nl": nl.Holidays,
	"no": no.Holidays, "nz": nz.Holidays, "pl": pl.Holidays, "ro": ro.Holidays,
	"ru": ru.Holidays, "se": se.Holidays, "si": si.Holidays, "sk": sk.Holidays,
	"ua": ua.Holidays, "us": us.Holidays, "za": za.Holidays,
	"au-act": au.HolidaysACT, "au-nsw": au.HolidaysNSW, "au-nt": au.HolidaysNT,
	"au-qld": au.HolidaysQLD, "au-sa": au.HolidaysSA, "au-tas": au.HolidaysTAS,
	"au-vic": au.HolidaysVIC, "au-wa": au.HolidaysWA,
}

// HolidayCountries returns the sorted holiday country codes a CalendarSpec
// may name: ISO 3166 codes in lower case ("de", "fr", "gb", "jp", "us", ...),
// "ecb" for the European Central Bank's closing days, and "au-nsw"-style codes
// for Australian states and territories.
func HolidayCountries() []string {
	out := make([]string, 0, len(holidaySets))
	for k := range holidaySets {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// holidayDays caches, per country code, the sorted day numbers (see
// dayNumber) of every holiday of FirstHolidayYear to LastHolidayYear, actual
// and observed days alike. Each entry is computed once, on first use, and
// never modified afterwards, so readers need no lock.
var holidayDays sync.Map // string -> *countryDays

type countryDays struct {
	once sync.Once
	days []int64
}

// countryHolidays returns the cached holiday day numbers of a normalized
// country code, and false if the code is unknown.
func countryHolidays(code string) ([]int64, bool) {
	hs, ok := holidaySets[code]
	if !ok {
		return nil, false
	}
	v, _ := holidayDays.LoadOrStore(code, &countryDays{})
	cd := v.(*countryDays)
	cd.once.Do(func() { cd.days = computeHolidays(hs) })
	return cd.days, true
}

// computeHolidays lists the actual and observed days of hs for the supported
// years. Both are closed: a holiday falling on a weekend closes its weekday
// substitute (observed day) as well as the day itself.
func computeHolidays(hs []*cal.Holiday) []int64 {
	days := make([]int64, 0, len(hs)*2*(LastHolidayYear-FirstHolidayYear+1))
	for y := FirstHolidayYear; y <= LastHolidayYear; y++ {
		for _, h := range hs {
			actual, observed := h.Calc(y)
			if actual.IsZero() { // no holiday that year: years from FirstHolidayYear on, never 0001-01-01
				continue
			}
			ay, am, ad := actual.Date()
			days = append(days, dayNumber(int64(ay), int64(am), int64(ad)))
			if !observed.IsZero() {
				oy, om, od := observed.Date()
				days = append(days, dayNumber(int64(oy), int64(om), int64(od)))
			}
		}
	}
	slices.Sort(days)
	return slices.Compact(days)
}

// normalizeCountry lower-cases and trims a country code.
func normalizeCountry(code string) string { return strings.ToLower(strings.TrimSpace(code)) }

// dayNumber returns the number of days from 1970-01-01 to the given civil
// date of the proleptic Gregorian calendar (negative before 1970).
func dayNumber(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilDate is the inverse of dayNumber.
func civilDate(n int64) (y, m, d int64) {
	n += 719468
	era := floorDiv(n, 146097)
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekdayOf returns the weekday of a day number (day 0 was a Thursday).
func weekdayOf(n int64) int { return int(floorMod(n+4, 7)) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	m := a % b
	if m != 0 && (m < 0) != (b < 0) {
		m += b
	}
	return m
}
