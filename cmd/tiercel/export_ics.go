package main

import (
	"flag"
	"time"

	"github.com/tiercel/tiercel/internal/ics"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var icsExporter = &exporter{
	name: "ics",
	summary: `the closed days of --calendar ID from --from to --to (YYYY-MM-DD, inclusive):
             public holidays with their names, closed dates and the days of the
             calendar's ics file, as an RFC 5545 VCALENDAR of all-day events
             (DTEND exclusive, one UID per day, DTSTAMP --from at 00:00 UTC so
             that the same catalog gives the same bytes). Holidays of the
             account's country (holidays: [account]) are not listed. With
             --output json: {"calendar", "from", "to", "days": [{"date", "name"}]}.`,
	owns: []string{"calendar", "from", "to"},
	flags: func(fs *flag.FlagSet) func(*cli, *rules.Engine) error {
		id := fs.String("calendar", "", "ics: the `ID` of the calendar to export")
		from := fs.String("from", "", "ics: the first `DATE` to export, YYYY-MM-DD")
		to := fs.String("to", "", "ics: the last `DATE` to export, YYYY-MM-DD")
		return func(c *cli, e *rules.Engine) error {
			return c.exportICS(e, *id, *from, *to)
		}
	},
}

func (c *cli) exportICS(e *rules.Engine, id, fromArg, toArg string) error {
	if id == "" || fromArg == "" || toArg == "" {
		return usagef("export ics needs --calendar, --from and --to")
	}
	from, err := slo.ParseDate(fromArg)
	if err != nil {
		return usagef("--from: %v", err)
	}
	to, err := slo.ParseDate(toArg)
	if err != nil {
		return usagef("--to: %v", err)
	}
	if from.Year < ics.FirstYear || to.Year > ics.LastYear {
		return usagef("--from %s --to %s: give dates from %d to %d, the years calendars cover", from, to, ics.FirstYear, ics.LastYear)
	}
	closed, err := e.ClosedDays(id, from, to)
	if err != nil {
		return err
	}
	if c.json() {
		return c.writeJSON(closedDaysJSON{Calendar: id, From: from.String(), To: to.String(), Days: closedJSON(closed)})
	}
	days := make([]ics.Day, len(closed))
	for i, d := range closed {
		days[i] = ics.Day{Date: d.Date, Name: d.Name}
	}
	stamp := time.Date(from.Year, from.Month, from.Day, 0, 0, 0, 0, time.UTC)
	return ics.Write(c.stdout, ics.Calendar{ID: id, Stamp: stamp, Days: days})
}

// closedDaysJSON is export ics --output json.
type closedDaysJSON struct {
	Calendar string    `json:"calendar"`
	From     string    `json:"from"`
	To       string    `json:"to"`
	Days     []dayJSON `json:"days"`
}

type dayJSON struct {
	Date string `json:"date"`
	Name string `json:"name"`
}

func closedJSON(days []rules.ClosedDay) []dayJSON {
	out := make([]dayJSON, len(days))
	for i, d := range days {
		out[i] = dayJSON{Date: d.Date.String(), Name: d.Name}
	}
	return out
}
