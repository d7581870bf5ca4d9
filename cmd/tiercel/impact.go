package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/picture"
	"github.com/tiercel/tiercel/rules"
)

var impactCommand = &command{
	name:     "impact",
	synopsis: "OLD.yaml NEW.yaml HISTORY... | --catalog OLD.yaml NEW.yaml HISTORY... | --builtin NAME NEW.yaml HISTORY...",
	summary:  "what a catalog change does to recorded cases: breaches gained and lost, due instants moved",
	help: `Impact replays recorded cases on two catalogs: every clock of every case
(each metric, each cycle, as timeline computes them) on the old catalog and
on the new, and reports the cycles newly breached and no longer breached,
and the due instants moved later or earlier (how many, the 10th, 50th and
90th percentiles of the shift, nearest rank, and the largest with its case),
over every cycle and per metric, priority and account. Cycles are paired by
metric and order: the second nextReply cycle on the old catalog with the
second on the new.

The old catalog is OLD.yaml, or the --catalog files, or the --builtin
catalog (tiercel impact --builtin default mine.yaml cases.jsonl); NEW.yaml
is the new one. Each HISTORY is a case file as timeline reads it (YAML or
JSON, with its now and events), or a file ending in .jsonl of histories
with their events, one JSON object a line with a case file's keys (tier,
priority, opened, zone, country, language, account, attrs, now, events),
read and checked as a case file is; a line without now is read at --now.
The README documents the format.

A history a catalog refuses (a tier the new catalog does not have, a rule
that fails on the case) is counted and listed, not fatal. --svg FILE also writes the
distribution of the due shifts per metric.

Exit status 0 when the report is written, whatever it says (impact
reports; diff tells whether anything changed); 2 for a wrong command line
or a picture that cannot be written; 3 when a catalog or history file is
missing or invalid.`,
	example: `tiercel impact --now 2026-03-10T12:00:00+01:00 cmd/tiercel/testdata/impact/old.yaml cmd/tiercel/testdata/impact/new.yaml cmd/tiercel/testdata/impact/cases.jsonl cmd/tiercel/testdata/case.yaml
tiercel impact --builtin default --now 2026-03-12T12:00:00-04:00 cmd/tiercel/testdata/impact/mine.yaml cmd/tiercel/testdata/impact/enhanced.jsonl`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var nowFlag, svg string
		fs.StringVar(&nowFlag, "now", "", "the instant the clocks of JSON-lines histories without now are read at, RFC 3339")
		fs.StringVar(&svg, "svg", "", "also write the distribution of the due shifts per metric to `FILE` (SVG)")
		return func(c *cli, args []string) error {
			want := 3 // OLD NEW HISTORY
			if c.customCatalog() {
				want = 2
			}
			if len(args) < want {
				if want == 2 {
					return usagef("with %s as the old catalog, give the new catalog and at least one history; got %s", c.catalogFlag(), plural(len(args), "argument"))
				}
				return usagef("want OLD and NEW catalogs and at least one history (or --catalog/--builtin, NEW and histories); got %s", plural(len(args), "argument"))
			}
			var at *time.Time // nil: every history gives its own now
			if nowFlag != "" {
				t, err := parseInstant("now", nowFlag, time.UTC)
				if err != nil {
					return err
				}
				at = &t
			}
			return c.impact(args, want-1, at, svg)
		}
	},
}

// impact runs the command: args holds OLD (unless a flag chose it), NEW,
// then the histories from index first.
func (c *cli) impact(args []string, first int, now *time.Time, svg string) error {
	var older *rules.Engine
	var err error
	if c.customCatalog() {
		older, err = c.engine()
	} else {
		older, err = rules.Load(args[0])
	}
	if err != nil {
		return builtinHint(err, args[:1])
	}
	newFile := args[first-1]
	newer, err := rules.Load(newFile)
	if err != nil {
		return builtinHint(err, []string{newFile})
	}
	hs, srcs, err := loadImpactHistories(args[first:], now)
	if err != nil {
		return err
	}
	var at time.Time // unread: every history has its now (input.History.Now)
	if now != nil {
		at = *now
	}
	r, err := rules.Impact(older, newer, hs, at)
	if err != nil {
		return err
	}
	v := impactView{r: &r, srcs: srcs, engines: [2]*rules.Engine{older, newer}, newName: filepath.Base(newFile)}
	if c.json() {
		err = c.writeJSON(v.json())
	} else {
		v.writeText(c.stdout)
	}
	if err != nil {
		return err
	}
	if svg != "" {
		title := "Due shifts per metric: " + v.newName + " against the old catalog"
		return writePicture(svg, func(w io.Writer) error { return picture.Impact(w, &r, title) })
	}
	return nil
}

// loadImpactHistories reads the history files: .jsonl files of histories
// with events (their lines without now read at now, unless it is nil),
// else case files.
func loadImpactHistories(files []string, def *time.Time) ([]rules.History, []*input.History, error) {
	var hs []rules.History
	var srcs []*input.History
	for _, f := range files {
		var read []*input.History
		if input.HistoryFormat(f) == "jsonl" {
			var err error
			if read, err = input.LoadHistoryEvents(f, def); err != nil {
				return nil, nil, err
			}
		} else {
			h, err := input.LoadCaseFile(f)
			if err != nil {
				return nil, nil, err
			}
			read = []*input.History{h}
		}
		for _, h := range read {
			hs = append(hs, rules.History{Case: h.Case, Events: h.Events, Now: new(h.Now)})
			srcs = append(srcs, h)
		}
	}
	return hs, srcs, nil
}

// refusal is one refused history's message, positioned where it is
// written: at its event or tier when the error names one, else at the
// history.
func (v *impactView) refusal(e rules.ImpactError) string {
	eng := v.engines[0]
	if e.Catalog == "new" {
		eng = v.engines[1]
	}
	if _, err := v.srcs[e.History].Timeline(eng); err != nil {
		return fmt.Sprintf("%s (%s catalog)", err, e.Catalog)
	}
	return fmt.Sprintf("%s: %s (%s catalog)", v.srcs[e.History].At(), e.Err, e.Catalog)
}
