// Command replay answers the question a support or billing team asks before
// a renewal: what would our last year of cases have looked like on another
// tier? It replays a year of cases, from two accounts, one in New York and
// one in Tokyo, on Looker Premier and on Enhanced, and prints how much later
// or earlier each initial response would have been due.
//
//	go run ./examples/replay                       # the report
//	go run ./examples/replay -csv cases.csv        # write the history as CSV
//	tiercel replay --from looker-premier --to enhanced examples/replay/cases.csv
//
// The history is made up, deterministically (a seeded generator): 400 cases
// opened from 2025-03-01 to 2026-03-01, mostly in each account's office
// hours, some at night and at weekends. cases.csv is that history as the
// tiercel replay command reads it; the test checks that it is.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// account is who opens the cases.
type account struct {
	id, zone, country, language string
}

var accounts = []account{
	{"acme-analytics", "America/New_York", "us", "en"},
	{"kaiju-logistics", "Asia/Tokyo", "jp", "ja"},
}

// cases is the size of the history.
const cases = 400

func main() {
	csvFile := flag.String("csv", "", "write the history as CSV to `file` instead of replaying it")
	flag.Parse()
	var err error
	if *csvFile != "" {
		err = writeCSVFile(*csvFile)
	} else {
		err = run(os.Stdout, rules.Default())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "replay:", err)
		os.Exit(1)
	}
}

// History returns the made-up year of cases, the same every time, in the
// order they were opened.
func History() ([]rules.Case, error) {
	rng := rand.New(rand.NewPCG(2025, 3))
	locs := make([]*time.Location, len(accounts))
	for i, a := range accounts {
		loc, err := slo.LoadZone(a.zone)
		if err != nil {
			return nil, err
		}
		locs[i] = loc
	}
	const days = 365
	out := make([]rules.Case, 0, cases)
	for range cases {
		i := rng.IntN(len(accounts))
		a, loc := accounts[i], locs[i]
		day := time.Date(2025, 3, 1, 0, 0, 0, 0, loc).AddDate(0, 0, rng.IntN(days))
		hour := rng.IntN(24)
		// Four cases in five are opened in office hours on a weekday.
		if rng.IntN(5) > 0 {
			for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
				day = day.AddDate(0, 0, 1)
			}
			hour = 8 + rng.IntN(11)
		}
		opened := time.Date(day.Year(), day.Month(), day.Day(), hour, rng.IntN(60), 0, 0, loc)
		out = append(out, rules.Case{
			Priority: priority(rng.IntN(10)), Opened: opened,
			Zone: a.zone, Country: a.country, Language: a.language, Account: a.id,
		})
	}
	// In the order they were opened, as a ticketing system exports them.
	slices.SortStableFunc(out, func(a, b rules.Case) int { return a.Opened.Compare(b.Opened) })
	return out, nil
}

// priority maps a number from 0 to 9 to a priority: P1 one case in ten, P2
// two, P3 four, P4 three.
func priority(n int) slo.Priority {
	switch {
	case n < 1:
		return slo.P1
	case n < 3:
		return slo.P2
	case n < 7:
		return slo.P3
	}
	return slo.P4
}

// WriteCSV writes h in the CSV layout tiercel replay reads.
func WriteCSV(w io.Writer, h []rules.Case) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"opened", "priority", "zone", "country", "language", "account"}); err != nil {
		return err
	}
	for _, c := range h {
		if err := cw.Write([]string{c.Opened.Format(time.RFC3339), c.Priority.String(), c.Zone, c.Country, c.Language, c.Account}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeCSVFile(path string) error {
	h, err := History()
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteCSV(f, h); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// run replays the history from Looker Premier to Enhanced, for all cases
// and for each account, and writes the report to w.
func run(w io.Writer, e *rules.Engine) error {
	h, err := History()
	if err != nil {
		return err
	}
	const from, to = "looker-premier", "enhanced"
	fmt.Fprintf(w, "%d cases from %s to %s, replayed on %s.\n\n", len(h), h[0].Opened.Format(time.DateOnly), h[len(h)-1].Opened.Format(time.DateOnly), to)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ACCOUNT\tPRIORITY\tCASES\tLATER\tEARLIER\tSAME\tMAX-LATER\tMAX-EARLIER\tMEDIAN\tP90")
	for _, a := range append([]account{{id: "all"}}, accounts...) {
		var mine []rules.Case
		for _, c := range h {
			if a.id == "all" || c.Account == a.id {
				mine = append(mine, c)
			}
		}
		r, err := e.Replay(mine, from, to)
		if err != nil {
			return err
		}
		row := func(p string, d rules.Delays) {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\n", a.id, p, d.Cases, d.Later, d.Earlier, d.Same,
				slo.FormatDuration(d.MaxLater), slo.FormatDuration(-d.MaxEarlier), slo.FormatDuration(d.Median), slo.FormatDuration(d.P90))
		}
		row("all", r.Delays)
		for p := slo.P1; p <= slo.P4; p++ {
			if d, ok := r.ByPriority[p]; ok {
				row(p.String(), d)
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nDelays are due(enhanced) - due(looker-premier): positive is later on Enhanced.")
	return nil
}
