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
	synopsis: "OLD.yaml NEW.yaml HISTORY... | --catalog OLD.yaml NEW.yaml HISTORY... | --builtin NAME NEW.yaml HISTORY... | --zendesk OLD.yaml NEW.yaml PAGE...",
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

With --zendesk, the histories are the pages of a Zendesk export, as audit
reads them, in any order: GET /api/v2/ticket_audits pages rebuild each
ticket's history (its case at its creation, its comments and status and
priority changes as events, exactly as audit rebuilds it), and GET
/api/v2/incremental/ticket_metric_events pages may be given too (only their
instants are read). Every ticket is on tier --tier (default zendesk), which
the old catalog must have, and is read at --now, by default the latest
instant of the export (never the clock), as audit reads it; with an
earlier --now, what happened after it is left out (a ticket opened later
is not replayed). Try a policy change before rolling it out: tiercel
import zendesk writes the old catalog, an edited copy is the new one.

A history a catalog refuses (a tier the new catalog does not have, a rule
that fails on the case) is counted and listed, not fatal. --svg FILE also writes the
distribution of the due shifts per metric.

Exit status 0 when the report is written, whatever it says (impact
reports; diff tells whether anything changed); 2 for a wrong command line
or a picture that cannot be written; 3 when a catalog or history file is
missing or invalid (a page of a Zendesk export: file:line:col and its JSON
path); 4 when the old catalog has no tier --tier.`,
	example: `tiercel impact --now 2026-03-10T12:00:00+01:00 cmd/tiercel/testdata/impact/old.yaml cmd/tiercel/testdata/impact/new.yaml cmd/tiercel/testdata/impact/cases.jsonl cmd/tiercel/testdata/case.yaml
tiercel impact --builtin default --now 2026-03-12T12:00:00-04:00 cmd/tiercel/testdata/impact/mine.yaml cmd/tiercel/testdata/impact/enhanced.jsonl
tiercel impact --zendesk examples/zendesk-policies/catalog.yaml examples/zendesk-policies/proposed.yaml examples/zendesk-policies/audits.json`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var nowFlag, svg string
		var src impactSource
		fs.StringVar(&nowFlag, "now", "", "the instant the clocks of JSON-lines histories without now are read at, RFC 3339; with --zendesk, of every ticket (default: the export's latest instant)")
		fs.StringVar(&svg, "svg", "", "also write the distribution of the due shifts per metric to `FILE` (SVG)")
		fs.BoolVar(&src.zendesk, "zendesk", false, "the histories are the pages of a Zendesk export: ticket audits, and ticket metric events for their instants")
		fs.StringVar(&src.tier, "tier", "zendesk", "with --zendesk, the `tier` of every ticket")
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
			if err := src.check(fs); err != nil {
				return err
			}
			if nowFlag != "" {
				t, err := parseInstant("now", nowFlag, time.UTC)
				if err != nil {
					return err
				}
				src.now = &t
			}
			return c.impact(args, want-1, &src, svg)
		}
	},
}

// impact runs the command: args holds OLD (unless a flag chose it), NEW,
// then the histories from index first, read as src says.
func (c *cli) impact(args []string, first int, src *impactSource, svg string) error {
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
	read, err := src.load(older, args[first:])
	if err != nil {
		return err
	}
	var at time.Time // unread: every history has its now (input.History.Now)
	if src.now != nil {
		at = *src.now
	}
	r, err := rules.Impact(older, newer, read.histories, at)
	if err != nil {
		return err
	}
	v := impactView{r: &r, read: read, engines: [2]*rules.Engine{older, newer}, newName: filepath.Base(newFile)}
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

// impactHistories are the histories an impact replays and where each is
// written.
type impactHistories struct {
	histories []rules.History
	srcs      []*input.History // where each history is written
	names     []string         // each history's name in the report: where it is written
	// zendesk is true for the tickets of a Zendesk export, read at now
	// when hasNow (an empty export without --now has no instant);
	// leftOut counts its tickets opened after now.
	zendesk bool
	now     time.Time
	hasNow  bool
	leftOut int
}

// add appends a history read from a file, named name.
func (hs *impactHistories) add(h *input.History, name string) {
	hs.histories = append(hs.histories, rules.History{Case: h.Case, Events: h.Events, Now: new(h.Now)})
	hs.srcs = append(hs.srcs, h)
	hs.names = append(hs.names, name)
}

// loadImpactHistories reads the history files: .jsonl files of histories
// with events (their lines without now read at now, unless it is nil),
// else case files.
func loadImpactHistories(files []string, def *time.Time) (*impactHistories, error) {
	hs := &impactHistories{}
	for _, f := range files {
		var read []*input.History
		if input.HistoryFormat(f) == "jsonl" {
			var err error
			if read, err = input.LoadHistoryEvents(f, def); err != nil {
				return nil, err
			}
		} else {
			h, err := input.LoadCaseFile(f)
			if err != nil {
				return nil, err
			}
			read = []*input.History{h}
		}
		for _, h := range read {
			hs.add(h, h.At())
		}
	}
	return hs, nil
}

// refusal is one refused history's message, positioned where it is
// written: at its event or tier when the error names one, else at the
// history.
func (v *impactView) refusal(e rules.ImpactError) string {
	eng := v.engines[0]
	if e.Catalog == "new" {
		eng = v.engines[1]
	}
	if _, err := v.read.srcs[e.History].Timeline(eng); err != nil {
		return fmt.Sprintf("%s (%s catalog)", err, e.Catalog)
	}
	return fmt.Sprintf("%s: %s (%s catalog)", v.read.srcs[e.History].At(), e.Err, e.Catalog)
}
