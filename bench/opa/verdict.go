package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tiercel/tiercel/internal/loadgen"
)

// The goals of issue 21 for deadline decisions on 2 cores at 64 clients.
const (
	goalRate  = 20000                // deadline decisions a second, at least
	goalP99   = 5 * time.Millisecond // p99 latency, under
	goalRatio = 200                  // tiercel's throughput over OPA's, in hundredths, at least
)

// row is one scenario's measure: the run and the CPU time of the whole
// process (servers and generator) a request answered.
type row struct {
	name string
	loadgen.Result
	cpu time.Duration
	gcs uint64 // garbage collections during the run
}

// String is the row of the markdown table.
func (r row) String() string {
	return fmt.Sprintf("| %s | %d | %d | %d | %s | %s | %s | %d | %d |", r.name, r.Requests, r.Failures, r.PerSecond(),
		ms(r.P50), ms(r.P99), ms(r.Max), r.cpu.Microseconds(), r.gcs)
}

// ms writes d in milliseconds with two decimals.
func ms(d time.Duration) string {
	return fmt.Sprintf("%d.%02d ms", d/time.Millisecond, d%time.Millisecond/(10*time.Microsecond))
}

// peer is an OPA row the verdict compares tiercel's deadline with.
type peer struct {
	name string // as the verdict names it: "OPA server", "OPA rego stand-in"
	row
}

// writeVerdict writes the ratio of tiercel's deadline throughput to each
// peer's, then whether each goal is met on this run against each peer,
// the CPU a request of all, and the load average around the run (a
// shared machine bends the wall-clock figures, not the CPU ones). At a
// constant rate (tiercel.Rate) it writes rateVerdict's lines instead of
// the throughput's.
func writeVerdict(w io.Writer, tiercel row, peers []peer, load0, load1 string) {
	fmt.Fprintln(w)
	if tiercel.Rate > 0 {
		writeRateVerdict(w, tiercel, peers)
	} else {
		writeLoopVerdict(w, tiercel, peers)
	}
	fmt.Fprintf(w, "- CPU a request, servers and generator together: %s\n", cpuLine(tiercel, peers))
	fmt.Fprintf(w, "- load average (1, 5, 15 min): %s before, %s after\n", load0, load1)
	if busy(load0) || busy(load1) {
		fmt.Fprintln(w, "- the machine was busy (a 1-minute load average of 1 or more): other programs bent req/s, p50 and p99; the CPU a request is the figure to compare")
	}
}

// writeLoopVerdict writes the closed loop's throughput ratios and goals.
func writeLoopVerdict(w io.Writer, tiercel row, peers []peer) {
	t := tiercel.PerSecond()
	for _, p := range peers {
		fmt.Fprintf(w, "tiercel deadline / %s target throughput: %s\n", p.name, times(ratio(t, p.PerSecond())))
	}
	fmt.Fprintf(w, "\n- tiercel deadline >= %d/s: %d/s: %s\n", goalRate, t, met(t >= goalRate))
	fmt.Fprintf(w, "- tiercel deadline p99 < %s: %s: %s\n", ms(goalP99), ms(tiercel.P99), met(tiercel.P99 < goalP99))
	for _, p := range peers {
		byRate, byCPU := ratio(t, p.PerSecond()), ratio(int64(p.cpu), int64(tiercel.cpu))
		verdict := met(byRate >= goalRatio)
		if byRate >= goalRatio && byCPU < goalRatio {
			verdict = fmt.Sprintf("met on the clock only: by CPU a request the ratio is %s, so the machine's load moved between the two runs", times(byCPU))
		}
		fmt.Fprintf(w, "- tiercel deadline >= 2x %s's throughput: %s: %s\n", p.name, times(byRate), verdict)
	}
}

// writeRateVerdict writes what a run at a constant rate answered and the
// p99 goal at that rate; the throughput ratios are left out, as every
// server was sent the same rate.
func writeRateVerdict(w io.Writer, tiercel row, peers []peer) {
	fmt.Fprintf(w, "- tiercel deadline at a constant %d/s: %d answered of %d scheduled, %d/s achieved, sent at most %s after the schedule\n",
		tiercel.Rate, tiercel.Requests, tiercel.Scheduled, tiercel.PerSecond(), ms(tiercel.MaxLag))
	p99 := met(tiercel.P99 < goalP99)
	if tiercel.Rate < goalRate {
		p99 += fmt.Sprintf(" (the goal is at %d/s)", goalRate)
	}
	fmt.Fprintf(w, "- tiercel deadline p99 < %s at %d/s: %s: %s\n", ms(goalP99), tiercel.Rate, ms(tiercel.P99), p99)
	fmt.Fprintf(w, "- no throughput ratios at a constant rate: every server was sent %d/s, so req/s measures the schedule, not the server; the CPU a request compares them\n", tiercel.Rate)
}

// cpuLine lists the CPU a request of tiercel's deadline and each peer's,
// with the ratio of each peer's to tiercel's.
func cpuLine(tiercel row, peers []peer) string {
	cpu := fmt.Sprintf("tiercel deadline %d µs", tiercel.cpu.Microseconds())
	for _, p := range peers {
		cpu += fmt.Sprintf(", %s %d µs (%s/tiercel %s)", p.name, p.cpu.Microseconds(), p.name, times(ratio(int64(p.cpu), int64(tiercel.cpu))))
	}
	return cpu
}

// ratio returns a/b in hundredths, 0 when b is not positive.
func ratio(a, b int64) int64 {
	if b <= 0 {
		return 0
	}
	return a * 100 / b
}

// times writes a ratio in hundredths as 2.05x.
func times(r int64) string { return fmt.Sprintf("%d.%02dx", r/100, r%100) }

// busy reports whether a load average line's 1-minute figure is 1 or more.
func busy(load string) bool {
	f, _, _ := strings.Cut(load, " ")
	v, err := strconv.ParseFloat(f, 64)
	return err == nil && v >= 1
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

// loadAverage returns the machine's load averages over 1, 5 and 15
// minutes, or "unknown" where /proc/loadavg is not.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}
