package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var replayCommand = &command{
	name:     "replay",
	synopsis: "--from TIER --to TIER FILE",
	summary:  "what a history of cases would have looked like on another tier",
	help: `Replay decides every case of a history twice, on tier --from and on tier
--to, exactly as deadline does (rules included), and reports how much later
or earlier each initial response would have been due on --to: how many
cases are due later, earlier or at the same instant, the largest delay and
advance and the case that has it, and the 10th, 50th and 90th percentiles
of the delays (nearest rank; negative is earlier), for all cases and for
each priority.

FILE is CSV (.csv) or JSON lines (.jsonl), or as --format says. A CSV file
starts with a header naming its columns: opened (RFC 3339) and priority
(P1..P4) are required; zone (the account's IANA zone), country (its holiday
country), language and account are read when present; any other column is
an attribute rules see as case.attrs (true/false are booleans, integers are
ints, the rest strings; an empty cell sets nothing). A JSON lines file has
one object a line with the same fields and "attrs": {"key": value}.

Bad rows are reported as FILE:LINE:COLUMN: message (at most 10), and
nothing is replayed; so is a case that cannot be decided (a zone or country
a calendar needs and the row lacks).`,
	example: `tiercel replay --from looker-premier --to enhanced examples/replay/cases.csv
tiercel replay --from looker-premier --to premium --output json examples/replay/cases.csv`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var from, to, format string
		fs.StringVar(&from, "from", "", "the tier the cases were on, `id` or alias (required)")
		fs.StringVar(&to, "to", "", "the tier to replay them on, `id` or alias (required)")
		fs.StringVar(&format, "format", "", "FILE's `format`: csv or jsonl (default: from its extension)")
		return func(c *cli, args []string) error {
			if len(args) != 1 {
				return usagef("want one history FILE; got %s", plural(len(args), "argument"))
			}
			if err := requireFlags(flagValue{"from", from}, flagValue{"to", to}); err != nil {
				return err
			}
			if format == "" {
				switch strings.ToLower(filepath.Ext(args[0])) {
				case ".csv":
					format = "csv"
				case ".jsonl":
					format = "jsonl"
				default:
					return usagef("cannot tell the format of %q from its extension: give --format csv or --format jsonl", args[0])
				}
			}
			if format != "csv" && format != "jsonl" {
				return usagef("--format must be csv or jsonl, got %q", format)
			}
			return c.replay(from, to, args[0], format)
		}
	},
}

// undecided prints, with their lines, the cases of h that a tier cannot
// decide (up to maxRowErrors), after Replay failed.
func (c *cli) undecided(e *rules.Engine, h history, from, to string, err error) {
	errs := rowErrors{file: h.file}
	for i, kase := range h.cases {
		for _, tier := range []string{from, to} {
			kase.Tier = tier
			if _, err := e.Deadline(kase); err != nil {
				errs.add(h.lines[i], 0, "on %s: %v", tier, err)
				break
			}
		}
	}
	if !errs.print(c.stderr) {
		fmt.Fprintf(c.stderr, "tiercel %s: %s: %v\n", c.name, h.file, err)
	}
}

type delaysJSON struct {
	Cases      int    `json:"cases"`
	Later      int    `json:"later"`
	Earlier    int    `json:"earlier"`
	Same       int    `json:"same"`
	MaxLater   string `json:"maxLater"`   // "+64h", "0" when no case is later
	MaxEarlier string `json:"maxEarlier"` // "-48h", "0" when no case is earlier
	P10        string `json:"p10"`
	Median     string `json:"median"`
	P90        string `json:"p90"`
}

func toDelaysJSON(d rules.Delays) delaysJSON {
	return delaysJSON{
		Cases: d.Cases, Later: d.Later, Earlier: d.Earlier, Same: d.Same,
		MaxLater: slo.FormatSigned(d.MaxLater), MaxEarlier: slo.FormatSigned(-d.MaxEarlier),
		P10: slo.FormatSigned(d.P10), Median: slo.FormatSigned(d.Median), P90: slo.FormatSigned(d.P90),
	}
}

// caseJSON names a case of the history by its line.
type caseJSON struct {
	Line     int      `json:"line"`
	Priority string   `json:"priority"`
	Opened   jsonTime `json:"opened"`
	Zone     string   `json:"zone,omitempty"`
}

func (h history) caseAt(i int) *caseJSON {
	if i < 0 {
		return nil
	}
	k := h.cases[i]
	return &caseJSON{Line: h.lines[i], Priority: k.Priority.String(), Opened: jsonTime(k.Opened), Zone: k.Zone}
}

type priorityDelaysJSON struct {
	Priority string `json:"priority"`
	delaysJSON
}

// replayJSON is the JSON report of replay.
type replayJSON struct {
	From           string               `json:"from"`
	To             string               `json:"to"`
	File           string               `json:"file"`
	delaysJSON                          // over every case
	MaxLaterCase   *caseJSON            `json:"maxLaterCase"`
	MaxEarlierCase *caseJSON            `json:"maxEarlierCase"`
	ByPriority     []priorityDelaysJSON `json:"byPriority"`
}

func (c *cli) replay(from, to, path, format string) error {
	e, err := c.engine()
	if err != nil {
		return err
	}
	for _, tier := range []string{from, to} {
		if _, err := e.Tier(tier); err != nil {
			return err
		}
	}
	h, err := c.readHistory(path, format)
	if err != nil {
		return err
	}
	r, err := e.Replay(h.cases, from, to)
	if err != nil {
		c.undecided(e, h, from, to, err)
		return shownError{err}
	}
	byPriority := priorityDelays(r)
	if c.json() {
		return c.writeJSON(replayJSON{r.From, r.To, path, toDelaysJSON(r.Delays), h.caseAt(r.MaxLaterCase), h.caseAt(r.MaxEarlierCase), byPriority})
	}
	c.replayTable(r, h, path, byPriority)
	return nil
}

// priorityDelays returns the delays of each priority the replay has, P1
// first.
func priorityDelays(r rules.ReplayReport) []priorityDelaysJSON {
	var byPriority []priorityDelaysJSON
	for p := slo.P1; p <= slo.P4; p++ {
		if d, ok := r.ByPriority[p]; ok {
			byPriority = append(byPriority, priorityDelaysJSON{p.String(), toDelaysJSON(d)})
		}
	}
	return byPriority
}

// replayTable writes the replay of the history at path as text: a line
// saying what was replayed, a table of the delays for all cases and each
// priority, and the cases with the largest delay and advance.
func (c *cli) replayTable(r rules.ReplayReport, h history, path string, byPriority []priorityDelaysJSON) {
	fmt.Fprintf(c.stdout, "%s from %s, replayed from %s to %s.\n\n", plural(r.Cases, "case"), path, r.From, r.To)
	t := c.table()
	t.row("PRIORITY", "CASES", "LATER", "EARLIER", "SAME", "MAX-LATER", "MAX-EARLIER", "P10", "MEDIAN", "P90")
	delaysRow := func(name string, d delaysJSON) {
		t.row(name, fmt.Sprint(d.Cases), fmt.Sprint(d.Later), fmt.Sprint(d.Earlier), fmt.Sprint(d.Same),
			d.MaxLater, d.MaxEarlier, d.P10, d.Median, d.P90)
	}
	delaysRow("all", toDelaysJSON(r.Delays))
	for _, p := range byPriority {
		delaysRow(p.Priority, p.delaysJSON)
	}
	t.flush()
	c.replayExtremes(r, h, path)
}

// replayExtremes writes the cases of h with the largest delay and the
// largest advance, when there are such cases.
func (c *cli) replayExtremes(r rules.ReplayReport, h history, path string) {
	for _, x := range []struct {
		what string
		d    time.Duration
		at   *caseJSON
	}{{"Largest delay", r.MaxLater, h.caseAt(r.MaxLaterCase)}, {"Largest advance", -r.MaxEarlier, h.caseAt(r.MaxEarlierCase)}} {
		if x.at == nil {
			continue
		}
		fmt.Fprintf(c.stdout, "\n%s: %s, %s:%d (%s opened %s", x.what, slo.FormatSigned(x.d), path, x.at.Line, x.at.Priority,
			formatTime(time.Time(x.at.Opened)))
		if x.at.Zone != "" {
			fmt.Fprintf(c.stdout, " in %s", x.at.Zone)
		}
		fmt.Fprint(c.stdout, ").")
	}
	if r.MaxLaterCase >= 0 || r.MaxEarlierCase >= 0 {
		fmt.Fprintln(c.stdout)
	}
}
