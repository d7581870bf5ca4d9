package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// impactView is an impact report with where its histories are written.
type impactView struct {
	r       *rules.ImpactReport
	read    *impactHistories // the histories and where each is written
	engines [2]*rules.Engine // old, new
	newName string           // the new catalog's file name
}

func (v *impactView) json() answer.Impact {
	errs := make([]string, len(v.r.Errors))
	for i, e := range v.r.Errors {
		errs[i] = v.refusal(e)
	}
	j := answer.NewImpact(*v.r, func(i int) string { return v.read.names[i] }, errs)
	j.Now, j.LeftOut = answer.AtIf(v.read.now, v.read.zendesk && v.read.hasNow), v.read.leftOut
	return j
}

// writeText writes the report: one row per group, then the largest shifts
// and the refused histories.
func (v *impactView) writeText(w io.Writer) {
	r := v.r
	v.writeHeader(w)
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
			l.Cycle+1, v.read.names[l.History], l.Old.Format(time.RFC3339Nano), l.New.Format(time.RFC3339Nano))
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

// writeHeader writes the report's first line: how many histories (the
// tickets of a Zendesk export, at the instant they were read at when
// there is one) were replayed and refused.
func (v *impactView) writeHeader(w io.Writer) {
	r := v.r
	if !v.read.zendesk {
		fmt.Fprintf(w, "%d %s replayed on the old catalog and on %s, %d refused\n\n", r.Histories, histories(r.Histories), v.newName, r.Failed)
		return
	}
	at := ""
	if v.read.hasNow {
		at = " at " + v.read.now.Format(time.RFC3339Nano)
	}
	fmt.Fprintf(w, "%s of the Zendesk export replayed%s on the old catalog and on %s, %d refused", plural(r.Histories, "ticket"), at, v.newName, r.Failed)
	if v.read.leftOut > 0 {
		fmt.Fprintf(w, "; %s opened after then left out", plural(v.read.leftOut, "ticket"))
	}
	fmt.Fprint(w, "\n\n")
}
