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

// writeVerdict writes the ratio of tiercel's deadline throughput to OPA's,
// then whether each goal is met on this run, the CPU a request of both,
// and the load average around the run (a shared machine bends the
// wall-clock figures, not the CPU ones).
func writeVerdict(w io.Writer, tiercel, opa row, load0, load1 string) {
	t, p := tiercel.PerSecond(), opa.PerSecond()
	ratio := int64(0)
	if p > 0 {
		ratio = t * 100 / p
	}
	fmt.Fprintf(w, "\ntiercel deadline / OPA target throughput: %d.%02dx\n\n", ratio/100, ratio%100)
	fmt.Fprintf(w, "- tiercel deadline >= %d/s: %d/s: %s\n", goalRate, t, met(t >= goalRate))
	fmt.Fprintf(w, "- tiercel deadline p99 < %s: %s: %s\n", ms(goalP99), ms(tiercel.P99), met(tiercel.P99 < goalP99))
	cpuRatio := int64(0)
	if tiercel.cpu > 0 {
		cpuRatio = int64(opa.cpu * 100 / tiercel.cpu)
	}
	verdict := met(ratio >= goalRatio)
	if ratio >= goalRatio && cpuRatio < goalRatio {
		verdict = fmt.Sprintf("met on the clock only: by CPU a request the ratio is %d.%02dx, so the machine's load moved between the two runs", cpuRatio/100, cpuRatio%100)
	}
	fmt.Fprintf(w, "- tiercel deadline >= 2x OPA's throughput: %d.%02dx: %s\n", ratio/100, ratio%100, verdict)
	fmt.Fprintf(w, "- CPU a request, servers and generator together: tiercel deadline %d µs, OPA %d µs (OPA/tiercel %d.%02dx)\n",
		tiercel.cpu.Microseconds(), opa.cpu.Microseconds(), cpuRatio/100, cpuRatio%100)
	fmt.Fprintf(w, "- load average (1, 5, 15 min): %s before, %s after\n", load0, load1)
	if busy(load0) || busy(load1) {
		fmt.Fprintln(w, "- the machine was busy (a 1-minute load average of 1 or more): other programs bent req/s, p50 and p99; the CPU a request is the figure to compare")
	}
}

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
