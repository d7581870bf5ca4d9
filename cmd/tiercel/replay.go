package main

import (
	"flag"
	"fmt"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
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
starts with a header naming its columns: opened (an instant: RFC 3339, or
a local time or a date in the row's zone) and priority (P1..P4) are
required; zone (the account's IANA zone), country (its holiday country),
language and account are read when present; any other column is an
attribute rules see as case.attrs (true/false are booleans, integers are
ints, the rest strings; an empty cell sets nothing). A JSON lines file has
one object a line with the same fields and "attrs": {"key": value}.

Bad rows are reported as FILE:LINE:COLUMN: field: message (at most 100), and
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
				if format = input.HistoryFormat(args[0]); format == "" {
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

// maxUndecided caps the undecided cases replay prints.
const maxUndecided = 10

// undecided prints, with their lines, the cases of h that a tier cannot
// decide (up to maxUndecided), after Replay failed.
func (c *cli) undecided(e *rules.Engine, h *input.Cases, from, to string, err error) {
	shown, more := 0, 0
	for i, kase := range h.Cases {
		for _, tier := range []string{from, to} {
			kase.Tier = tier
			if _, err := e.Deadline(kase); err != nil {
				if shown == maxUndecided {
					more++
				} else {
					fmt.Fprintf(c.stderr, "%s:%d: on %s: %v\n", h.File, h.Lines[i], tier, err)
					shown++
				}
				break
			}
		}
	}
	if more > 0 {
		fmt.Fprintf(c.stderr, "%s: %s not shown\n", h.File, plural(more, "more error"))
	}
	if shown == 0 {
		fmt.Fprintf(c.stderr, "tiercel %s: %s: %v\n", c.name, h.File, err)
	}
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
	h, err := input.LoadHistory(path, format)
	if err != nil {
		return err
	}
	r, err := e.Replay(h.Cases, from, to)
	if err != nil {
		c.undecided(e, h, from, to, err)
		return shownError{err}
	}
	out := answer.NewReplay(r, h.Cases, path, h.Lines)
	if c.json() {
		return c.writeJSON(out)
	}
	c.replayTable(out, h, path)
	return nil
}

// replayTable writes the replay r of the history at path as text: a line
// saying what was replayed, a table of the delays for all cases and each
// priority, and the cases with the largest delay and advance.
func (c *cli) replayTable(r answer.Replay, h *input.Cases, path string) {
	fmt.Fprintf(c.stdout, "%s from %s, replayed from %s to %s.\n\n", plural(r.Cases, "case"), path, r.From, r.To)
	t := c.table()
	t.row("PRIORITY", "CASES", "LATER", "EARLIER", "SAME", "MAX-LATER", "MAX-EARLIER", "P10", "MEDIAN", "P90")
	delaysRow := func(name string, d answer.Delays) {
		t.row(name, fmt.Sprint(d.Cases), fmt.Sprint(d.Later), fmt.Sprint(d.Earlier), fmt.Sprint(d.Same),
			d.MaxLater.Text, d.MaxEarlier.Text, d.P10.Text, d.Median.Text, d.P90.Text)
	}
	delaysRow("all", r.Delays)
	for _, p := range r.ByPriority {
		delaysRow(p.Priority, p.Delays)
	}
	t.flush()
	c.replayExtremes(r, path)
}

// replayExtremes writes the cases of r with the largest delay and the
// largest advance, when there are such cases.
func (c *cli) replayExtremes(r answer.Replay, path string) {
	for _, x := range []struct {
		what string
		d    answer.Duration
		at   *answer.ReplayCase
	}{{"Largest delay", r.MaxLater, r.MaxLaterCase}, {"Largest advance", r.MaxEarlier, r.MaxEarlierCase}} {
		if x.at == nil {
			continue
		}
		fmt.Fprintf(c.stdout, "\n%s: %s, %s:%d (%s opened %s", x.what, x.d.Text, path, x.at.Line, x.at.Priority,
			formatInstant(x.at.Opened.Time))
		if x.at.Zone != "" {
			fmt.Fprintf(c.stdout, " in %s", x.at.Zone)
		}
		fmt.Fprint(c.stdout, ").")
	}
	if r.MaxLaterCase != nil || r.MaxEarlierCase != nil {
		fmt.Fprintln(c.stdout)
	}
}
