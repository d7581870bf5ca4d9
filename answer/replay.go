package answer

import (
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Replay is the answer to "what would a history of cases have looked like
// on another tier": the delays over every case and each priority's, and
// the cases with the largest delay and advance (null when none is later,
// or earlier).
type Replay struct {
	From           string           `json:"from"`
	To             string           `json:"to"`
	File           string           `json:"file,omitempty"`
	Delays                          // over every case
	MaxLaterCase   *ReplayCase      `json:"maxLaterCase"`
	MaxEarlierCase *ReplayCase      `json:"maxEarlierCase"`
	ByPriority     []PriorityDelays `json:"byPriority"`
}

// Delays summarises how much later (positive) or earlier (negative) each
// case's response falls due on the new tier. The percentiles are exact:
// each is the delay of one case of the history (nearest rank, the smallest
// delay with at least that share of the cases at or below it).
type Delays struct {
	Cases      int      `json:"cases"`
	Later      int      `json:"later"`
	Earlier    int      `json:"earlier"`
	Same       int      `json:"same"`
	MaxLater   Duration `json:"maxLater"`   // "+64h", "0" when no case is later
	MaxEarlier Duration `json:"maxEarlier"` // "-48h", "0" when no case is earlier
	P10        Duration `json:"p10"`
	Median     Duration `json:"median"`
	P90        Duration `json:"p90"`
}

// PriorityDelays is the delays of one priority's cases.
type PriorityDelays struct {
	Priority string `json:"priority"`
	Delays
}

// ReplayCase names a case of the history: its index (from 0), its line in
// the file it was read from (when known), its priority, opening and zone.
type ReplayCase struct {
	Index    int     `json:"index"`
	Line     int     `json:"line,omitempty"`
	Priority string  `json:"priority"`
	Opened   Instant `json:"opened"`
	Zone     string  `json:"zone,omitempty"`
}

// NewDelays returns d as an answer; MaxEarlier is written negative.
func NewDelays(d rules.Delays) Delays {
	return Delays{
		Cases: d.Cases, Later: d.Later, Earlier: d.Earlier, Same: d.Same,
		MaxLater: NewSigned(d.MaxLater), MaxEarlier: NewSigned(-d.MaxEarlier),
		P10: NewSigned(d.P10), Median: NewSigned(d.Median), P90: NewSigned(d.P90),
	}
}

// NewReplay returns the answer for report r of history, read from file
// (empty when none), whose cases are at lines (nil when unknown).
func NewReplay(r rules.ReplayReport, history []rules.Case, file string, lines []int) Replay {
	out := Replay{
		From: r.From, To: r.To, File: file, Delays: NewDelays(r.Delays),
		MaxLaterCase: NewReplayCase(history, lines, r.MaxLaterCase), MaxEarlierCase: NewReplayCase(history, lines, r.MaxEarlierCase),
		ByPriority: []PriorityDelays{},
	}
	for p := slo.P1; p <= slo.P4; p++ {
		if d, ok := r.ByPriority[p]; ok {
			out.ByPriority = append(out.ByPriority, PriorityDelays{p.String(), NewDelays(d)})
		}
	}
	return out
}

// NewReplayCase returns the i-th case of history, at lines[i] when lines
// is not nil; nil when i is negative (no such case) or out of range.
func NewReplayCase(history []rules.Case, lines []int, i int) *ReplayCase {
	if i < 0 || i >= len(history) {
		return nil
	}
	k := history[i]
	rc := &ReplayCase{Index: i, Priority: k.Priority.String(), Opened: At(k.Opened), Zone: k.Zone}
	if i < len(lines) {
		rc.Line = lines[i]
	}
	return rc
}
