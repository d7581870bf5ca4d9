package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var tiersCommand = &command{
	name:     "tiers",
	synopsis: "[--builtin NAME | --catalog FILE]",
	summary:  "list a catalog's tiers: targets, calendars and their weekly open hours, prices",
	help: `Tiers lists what a catalog promises: each tier's name, aliases and whether
it is legacy; its targets per metric and priority; the calendars with their
zone, open hours in a week, holidays and closed dates; and each tier's
price versions (effective date, model, minimum, maximum, bands).`,
	example: `tiercel tiers
tiercel tiers --builtin aws
tiercel tiers --catalog examples/custom-tiers/tiers.yaml --output json`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		return func(c *cli, args []string) error {
			if len(args) > 0 {
				return usagef("tiers takes no arguments, got %s; name the catalog with --catalog or --builtin", plural(len(args), "argument"))
			}
			e, err := c.engine()
			if err != nil {
				return err
			}
			v := newTiersView(e)
			if c.json() {
				return c.writeJSON(v)
			}
			c.tiersText(v)
			return nil
		}
	},
}

// tiersView is what tiers prints, in the JSON convention of package answer.
type tiersView struct {
	Tiers     []tierView     `json:"tiers"`
	Calendars []calendarView `json:"calendars"`
}

type tierView struct {
	ID      string                                     `json:"id"`
	Name    string                                     `json:"name"`
	Aliases []string                                   `json:"aliases,omitempty"`
	Legacy  bool                                       `json:"legacy"`
	Targets map[string]map[slo.Priority]*answer.Target `json:"targets"`
	Prices  []priceView                                `json:"prices,omitempty"`
	metrics []string                                   // the metrics of Targets, in the catalog's order
}

type calendarView struct {
	ID       string          `json:"id"`
	Zone     string          `json:"zone,omitempty"`
	Weekly   answer.Duration `json:"weeklyOpen"`
	Holidays []string        `json:"holidays,omitempty"`
	Closed   []string        `json:"closed,omitempty"`
}

type priceView struct {
	Effective string          `json:"effective"`
	Model     string          `json:"model"`
	Minimum   *money.Money    `json:"minimum,omitempty"`
	Maximum   *money.Money    `json:"maximum,omitempty"`
	Bands     []priceBandView `json:"bands,omitempty"`
}

type priceBandView struct {
	UpTo *money.Money `json:"upTo"` // null for the unbounded band
	Rate string       `json:"rate"`
	Flat *money.Money `json:"flat,omitempty"`
}

// newTiersView describes the tiers and calendars of e.
func newTiersView(e *rules.Engine) tiersView {
	var v tiersView
	for _, id := range e.Tiers() {
		t, err := e.Tier(id)
		if err != nil {
			continue // every id of Tiers is a tier
		}
		tv := tierView{ID: t.ID, Name: t.Name, Aliases: t.Aliases, Legacy: t.Legacy, Targets: map[string]map[slo.Priority]*answer.Target{}}
		for _, m := range e.Metrics() {
			table, ok := t.Targets[m]
			if !ok {
				continue
			}
			row := map[slo.Priority]*answer.Target{}
			for p, target := range table {
				row[p] = answer.NewTarget(target)
			}
			tv.Targets[m] = row
			tv.metrics = append(tv.metrics, m)
		}
		for _, pv := range t.Prices {
			tv.Prices = append(tv.Prices, newPriceView(pv))
		}
		v.Tiers = append(v.Tiers, tv)
	}
	for _, id := range e.Calendars() {
		cal, ok := e.Calendar(id)
		if !ok {
			cal = slo.AlwaysOpen()
		}
		v.Calendars = append(v.Calendars, newCalendarView(id, cal))
	}
	return v
}

// newCalendarView describes a calendar: its zone, its open time in a week
// (every day's spans summed; 168h for 24x7), its holidays and closed dates.
func newCalendarView(id string, cal *slo.Calendar) calendarView {
	spec := cal.Spec()
	cv := calendarView{ID: id, Zone: spec.Zone, Holidays: spec.Holidays}
	if spec.AlwaysOpen {
		cv.Zone = "" // real time runs alike in every zone
	}
	cv.Weekly = answer.NewDuration(weeklyOpen(spec))
	for _, d := range spec.Closed {
		cv.Closed = append(cv.Closed, d.String())
	}
	return cv
}

// weeklyOpen is the open time of a week of spec's hours, before holidays.
func weeklyOpen(spec slo.CalendarSpec) time.Duration {
	if spec.AlwaysOpen {
		return 7 * 24 * time.Hour
	}
	var sum time.Duration
	for _, day := range spec.Week {
		for _, sp := range day {
			sum += sp.End - sp.Start
		}
	}
	return sum
}

// newPriceView describes one price version.
func newPriceView(pv billing.PriceVersion) priceView {
	p := pv.Price
	v := priceView{Effective: billing.FormatEffective(pv.Effective), Model: p.Model.String(),
		Minimum: optionalMoney(p.Minimum), Maximum: optionalMoney(p.Maximum)}
	for _, b := range p.Bands {
		bv := priceBandView{Rate: b.Rate.String(), Flat: optionalMoney(b.Flat)}
		if !b.Unbounded {
			bv.UpTo = &b.UpTo
		}
		v.Bands = append(v.Bands, bv)
	}
	return v
}

// optionalMoney is nil for the zero Money (none), else m.
func optionalMoney(m money.Money) *money.Money {
	if m == (money.Money{}) {
		return nil
	}
	return &m
}

// tiersText writes the four tables: tiers, targets, calendars, prices.
func (c *cli) tiersText(v tiersView) {
	t := c.table()
	t.row("TIER", "NAME", "ALIASES", "LEGACY")
	for _, tv := range v.Tiers {
		legacy := ""
		if tv.Legacy {
			legacy = "legacy"
		}
		t.row(tv.ID, tv.Name, orDash(strings.Join(tv.Aliases, ", ")), legacy)
	}
	t.flush()
	fmt.Fprintln(c.stdout)
	t = c.table()
	t.row("TIER", "METRIC", "P1", "P2", "P3", "P4")
	for _, tv := range v.Tiers {
		for _, m := range tv.metrics {
			cells := []string{tv.ID, m}
			for p := slo.P1; p <= slo.P4; p++ {
				cells = append(cells, answerTarget(tv.Targets[m][p]))
			}
			t.row(cells...)
		}
	}
	t.flush()
	fmt.Fprintln(c.stdout)
	t = c.table()
	t.row("CALENDAR", "ZONE", "OPEN/WEEK", "HOLIDAYS", "CLOSED")
	for _, cv := range v.Calendars {
		t.row(cv.ID, orDash(cv.Zone), cv.Weekly.Text, orDash(strings.Join(cv.Holidays, ", ")), closedText(cv.Closed))
	}
	t.flush()
	if !slices.ContainsFunc(v.Tiers, func(tv tierView) bool { return len(tv.Prices) > 0 }) {
		return // no tier has a price: no table of prices
	}
	fmt.Fprintln(c.stdout)
	t = c.table()
	t.row("TIER", "EFFECTIVE", "MINIMUM", "MAXIMUM", "BANDS")
	for _, tv := range v.Tiers {
		for _, pv := range tv.Prices {
			t.row(tv.ID, pv.Effective, moneyOrDash(pv.Minimum), moneyOrDash(pv.Maximum), bandsText(pv))
		}
	}
	t.flush()
}

// bandsText writes a price's bands: "10% to 10000.00, 7% to 80000.00, 3%
// above", prefixed by the model when it is not graduated.
func bandsText(pv priceView) string {
	parts := make([]string, 0, len(pv.Bands))
	for _, b := range pv.Bands {
		s := b.Rate
		if b.UpTo != nil {
			s += " to " + amount(*b.UpTo)
		} else {
			s += " above"
		}
		if b.Flat != nil {
			s += " + " + amount(*b.Flat)
		}
		parts = append(parts, s)
	}
	text := orDash(strings.Join(parts, ", "))
	if pv.Model != billing.Graduated.String() {
		text = pv.Model + ": " + text
	}
	return text
}

func moneyOrDash(m *money.Money) string {
	if m == nil {
		return "-"
	}
	return m.String()
}

// orDash is s, or "-" when it is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// maxClosedShown is how many closed dates a row of tiers' text shows.
const maxClosedShown = 3

// closedText lists closed dates, the first few and a count of the others
// ("2026-01-01, 2026-07-03, 2026-11-26 and 38 more"); --output json lists
// them all.
func closedText(dates []string) string {
	if len(dates) <= maxClosedShown {
		return orDash(strings.Join(dates, ", "))
	}
	return fmt.Sprintf("%s and %d more", strings.Join(dates[:maxClosedShown], ", "), len(dates)-maxClosedShown)
}

// answerTarget writes a target of an answer, "-" for none.
func answerTarget(t *answer.Target) string {
	if t == nil {
		return "-"
	}
	return t.Text
}
