package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/internal/loadgen"
)

func TestWriteVerdict(t *testing.T) {
	result := func(n int, p99 time.Duration) loadgen.Result {
		return loadgen.Result{Requests: n, Elapsed: time.Second, P99: p99}
	}
	peers := func(server, standIn row) []peer {
		return []peer{{"OPA server", server}, {"OPA rego stand-in", standIn}}
	}
	tests := []struct {
		name    string
		tiercel row
		peers   []peer
		want    []string
	}{
		{"every goal met", row{Result: result(42000, 4*time.Millisecond), cpu: 40 * time.Microsecond},
			peers(row{Result: result(10000, 0), cpu: 160 * time.Microsecond}, row{Result: result(20000, 0), cpu: 80 * time.Microsecond}), []string{
				"tiercel deadline / OPA server target throughput: 4.20x\n", "tiercel deadline / OPA rego stand-in target throughput: 2.10x\n",
				"- tiercel deadline >= 20000/s: 42000/s: met", "p99 < 5.00 ms: 4.00 ms: met",
				"- tiercel deadline >= 2x OPA server's throughput: 4.20x: met\n", "- tiercel deadline >= 2x OPA rego stand-in's throughput: 2.10x: met\n",
				"- CPU a request, servers and generator together: tiercel deadline 40 µs, OPA server 160 µs (OPA server/tiercel 4.00x), OPA rego stand-in 80 µs (OPA rego stand-in/tiercel 2.00x)\n",
				"load average (1, 5, 15 min): 0.10 0.20 0.30 before, 1 2 3 after",
			}},
		{"the clock's ratio alone against the stand-in", row{Result: result(30000, time.Millisecond), cpu: 60 * time.Microsecond},
			peers(row{Result: result(5000, 0), cpu: 200 * time.Microsecond}, row{Result: result(10000, 0), cpu: 80 * time.Microsecond}), []string{
				"OPA server's throughput: 6.00x: met\n",
				"OPA rego stand-in's throughput: 3.00x: met on the clock only: by CPU a request the ratio is 1.33x",
			}},
		{"none met", row{Result: result(19999, 5*time.Millisecond), cpu: 50 * time.Microsecond},
			peers(row{Result: result(12000, 0), cpu: 90 * time.Microsecond}, row{Result: result(15000, 0), cpu: 70 * time.Microsecond}), []string{
				"OPA server target throughput: 1.66x", "OPA rego stand-in target throughput: 1.33x", ">= 20000/s: 19999/s: NOT met", "p99 < 5.00 ms: 5.00 ms: NOT met",
				"OPA server's throughput: 1.66x: NOT met", "OPA rego stand-in's throughput: 1.33x: NOT met", "(OPA server/tiercel 1.80x)", "(OPA rego stand-in/tiercel 1.40x)",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			writeVerdict(&out, tt.tiercel, tt.peers, "0.10 0.20 0.30", "1 2 3")
			for _, w := range tt.want {
				assert.Contains(t, out.String(), w)
			}
			assert.Contains(t, out.String(), "the machine was busy", "1 after the run")
		})
	}
	assert.NotEmpty(t, loadAverage())
	var quiet bytes.Buffer
	writeVerdict(&quiet, row{}, []peer{{"OPA server", row{}}}, "0.10 0.20 0.30", "0.99 0.5 0.5")
	assert.NotContains(t, quiet.String(), "busy")
	assert.Contains(t, quiet.String(), "OPA server target throughput: 0.00x", "no division by a zero rate")
}

func TestWriteRateVerdict(t *testing.T) {
	at := func(rate, n int, p99 time.Duration) loadgen.Result {
		return loadgen.Result{Requests: n, Elapsed: time.Second, P99: p99, Rate: rate, Scheduled: rate, MaxLag: 1500 * time.Microsecond}
	}
	peers := []peer{{"OPA server", row{Result: at(20000, 15000, time.Second), cpu: 90 * time.Microsecond}}}
	tests := []struct {
		name    string
		tiercel row
		want    []string
	}{
		{"met at the goal's rate", row{Result: at(20000, 20000, 3*time.Millisecond), cpu: 30 * time.Microsecond}, []string{
			"\n- tiercel deadline at a constant 20000/s: 20000 answered of 20000 scheduled, 20000/s achieved, sent at most 1.50 ms after the schedule\n",
			"- tiercel deadline p99 < 5.00 ms at 20000/s: 3.00 ms: met\n",
			"- no throughput ratios at a constant rate: every server was sent 20000/s",
			"- CPU a request, servers and generator together: tiercel deadline 30 µs, OPA server 90 µs (OPA server/tiercel 3.00x)\n",
		}},
		{"not met", row{Result: at(20000, 19000, 7*time.Millisecond), cpu: 30 * time.Microsecond}, []string{
			"19000 answered of 20000 scheduled", "- tiercel deadline p99 < 5.00 ms at 20000/s: 7.00 ms: NOT met\n",
		}},
		{"below the goal's rate", row{Result: at(10000, 10000, time.Millisecond)}, []string{
			"- tiercel deadline p99 < 5.00 ms at 10000/s: 1.00 ms: met (the goal is at 20000/s)\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			writeVerdict(&out, tt.tiercel, peers, "0.10 0.20 0.30", "0.10 0.20 0.30")
			for _, w := range tt.want {
				assert.Contains(t, out.String(), w)
			}
			assert.NotContains(t, out.String(), "throughput: ", "no throughput ratio or goal")
			assert.NotContains(t, out.String(), ">= 20000/s")
		})
	}
}

func TestRowString(t *testing.T) {
	r := row{name: "x", Result: loadgen.Result{Requests: 10, Elapsed: time.Second, P50: 1234 * time.Microsecond, P99: 5 * time.Millisecond, Max: 12345678 * time.Nanosecond}, cpu: 53 * time.Microsecond, gcs: 7}
	assert.Equal(t, "| x | 10 | 0 | 10 | 1.23 ms | 5.00 ms | 12.34 ms | 53 | 7 |", r.String())
}
