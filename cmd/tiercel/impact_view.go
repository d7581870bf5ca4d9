package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// impactView is an impact report with where its histories are written.
type impactView struct {
	r       *rules.ImpactReport
	srcs    []*input.History // where each history is written
	engines [2]*rules.Engine // old, new
	newName string           // the new catalog's file name
}

// impactJSON is the JSON output of impact.
type impactJSON struct {
	Histories  int               `json:"histories"`
	Refused    int               `json:"refused"`
	Errors     []string          `json:"errors"`
	Total      impactGroupJSON   `json:"total"`
	Metrics    []impactGroupJSON `json:"metrics"`
	Priorities []impactGroupJSON `json:"priorities"`
	Accounts   []impactGroupJSON `json:"accounts"`
}

type impactGroupJSON struct {
	Key              string         `json:"key"`
	Cycles           int            `json:"cycles"`
	Added            int            `json:"added"`
	Removed          int            `json:"removed"`
	NewlyBreached    int            `json:"newlyBreached"`
	NoLongerBreached int            `json:"noLongerBreached"`
	TargetAdded      int            `json:"targetAdded"`
	TargetRemoved    int            `json:"targetRemoved"`
	Same             int            `json:"same"`
	Later            shiftStatsJSON `json:"later"`
	Earlier          shiftStatsJSON `json:"earlier"`
}

type shiftStatsJSON struct {
	Count   int        `json:"count"`
	P10     string     `json:"p10"`
	Median  string     `json:"median"`
	P90     string     `json:"p90"`
	Largest *shiftJSON `json:"largest"`
}

type shiftJSON struct {
	History  string   `json:"history"` // file or file:line
	Account  string   `json:"account"`
	Metric   string   `json:"metric"`
	Cycle    int      `json:"cycle"` // from 1
	Priority string   `json:"priority"`
	Old      jsonTime `json:"old"`
	New      jsonTime `json:"new"`
	By       string   `json:"by"`
}

func (v *impactView) json() impactJSON {
	out := impactJSON{Histories: v.r.Histories, Refused: v.r.Failed, Errors: []string{}, Total: v.group(v.r.Total)}
	for _, e := range v.r.Errors {
		out.Errors = append(out.Errors, v.refusal(e))
	}
	for _, gs := range []struct {
		in  []rules.ImpactGroup
		out *[]impactGroupJSON
	}{{v.r.Metrics, &out.Metrics}, {v.r.Priorities, &out.Priorities}, {v.r.Accounts, &out.Accounts}} {
		*gs.out = []impactGroupJSON{}
		for _, g := range gs.in {
			*gs.out = append(*gs.out, v.group(g))
		}
	}
	return out
}

func (v *impactView) group(g rules.ImpactGroup) impactGroupJSON {
	return impactGroupJSON{Key: g.Key, Cycles: g.Cycles, Added: g.Added, Removed: g.Removed,
		NewlyBreached: g.NewlyBreached, NoLongerBreached: g.NoLongerBreached, TargetAdded: g.TargetAdded,
		TargetRemoved: g.TargetRemoved, Same: g.Same, Later: v.stats(g.Later, 1), Earlier: v.stats(g.Earlier, -1)}
}

// stats is a ShiftStats in JSON; sign is the sign of its shifts.
func (v *impactView) stats(s rules.ShiftStats, sign time.Duration) shiftStatsJSON {
	out := shiftStatsJSON{Count: s.Count, P10: slo.FormatSigned(sign * s.P10), Median: slo.FormatSigned(sign * s.Median), P90: slo.FormatSigned(sign * s.P90)}
	if s.Count > 0 {
		l := s.Largest
		out.Largest = &shiftJSON{History: v.srcs[l.History].At(), Account: l.Account, Metric: l.Metric, Cycle: l.Cycle + 1,
			Priority: l.Priority.String(), Old: jsonTime(l.Old), New: jsonTime(l.New), By: slo.FormatSigned(l.By)}
	}
	return out
}

// writeText writes the report: one row per group, then the largest shifts
// and the refused histories.
func (v *impactView) writeText(w io.Writer) {
	r := v.r
	fmt.Fprintf(w, "%d %s replayed on the old catalog and on %s, %d refused\n\n", r.Histories, histories(r.Histories), v.newName, r.Failed)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "GROUP\tCYCLES\tNEWLY BREACHED\tNO LONGER BREACHED\tLATER\tP10/MEDIAN/P90\tEARLIER\tP10/MEDIAN/P90\tSAME\tTARGET +/-\tCYCLES +/-")
	row := func(name string, g rules.ImpactGroup) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%d\t%s\t%d\t+%d/-%d\t+%d/-%d\n", name, g.Cycles, g.NewlyBreached, g.NoLongerBreached,
			g.Later.Count, quantileText(g.Later, 1), g.Earlier.Count, quantileText(g.Earlier, -1), g.Same,
			g.TargetAdded, g.TargetRemoved, g.Added, g.Removed)
	}
	row("all", r.Total)
	for _, g := range r.Metrics {
		row("metric "+g.Key, g)
	}
	for _, g := range r.Priorities {
		row("priority "+g.Key, g)
	}
	for _, g := range r.Accounts {
		name := g.Key
		if name == "" {
			name = "(none)"
		}
		row("account "+name, g)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, s := range []struct {
		word string
		st   rules.ShiftStats
	}{{"later", r.Total.Later}, {"earlier", r.Total.Earlier}} {
		if s.st.Count == 0 {
			fmt.Fprintf(w, "No cycle is due %s.\n", s.word)
			continue
		}
		l := s.st.Largest
		fmt.Fprintf(w, "Largest %s: %s, %s %s cycle %d of %s: due %s on the old catalog, %s on the new.\n", s.word, slo.FormatSigned(l.By), l.Metric, l.Priority,
			l.Cycle+1, v.srcs[l.History].At(), l.Old.Format(time.RFC3339Nano), l.New.Format(time.RFC3339Nano))
	}
	for _, e := range r.Errors {
		fmt.Fprintf(w, "refused: %s\n", v.refusal(e))
	}
	if more := r.Failed - len(r.Errors); more > 0 {
		fmt.Fprintf(w, "refused: %s not shown\n", plural(more, "more history"))
	}
}

// quantileText is "+1h/+2h/+5h", or "-" without shifts; sign is the sign
// of the shifts.
func quantileText(s rules.ShiftStats, sign time.Duration) string {
	if s.Count == 0 {
		return "-"
	}
	return slo.FormatSigned(sign*s.P10) + "/" + slo.FormatSigned(sign*s.Median) + "/" + slo.FormatSigned(sign*s.P90)
}

func histories(n int) string {
	if n == 1 {
		return "history"
	}
	return "histories"
}
