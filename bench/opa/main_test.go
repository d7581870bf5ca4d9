package main

import (
	"bytes"
	"context"
	"regexp"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun measures every scenario for a few requests: every server answers
// without a failure, and OPA's table is tiercel's targets.
func TestRun(t *testing.T) {
	for client, netHTTP := range map[string]bool{"loadgen's lean HTTP/1.1 client": false, "net/http's client": true} {
		t.Run(client, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(context.Background(), &out, options{clients: 4, requests: 200, duration: 30 * time.Second, netHTTP: netHTTP}))
			text := out.String()
			assert.Contains(t, text, "4 clients ("+client+")")
			assert.Regexp(t, `GOGC (\d+|off) \(all servers and the generator: one process\)`, text)
			for _, name := range []string{"tiercel POST /v1/deadline", "tiercel POST /v1/quote", "tiercel POST /v1/timeline",
				"OPA POST /v1/data/tiercel/target (opa run --server)", "OPA POST /v1/data/tiercel/target (rego stand-in)"} {
				assert.Contains(t, text, "| "+name, text)
			}
			assert.Len(t, regexp.MustCompile(`(?m)^\| (tiercel|OPA) POST [^|]+\| 200 \| 0 \|`).FindAllString(text, -1), 5, "every scenario answered all its requests: %s", text)
			assert.Contains(t, text, "tiercel deadline / OPA server target throughput: ")
			assert.Contains(t, text, "tiercel deadline / OPA rego stand-in target throughput: ")
			assert.Contains(t, text, "- tiercel deadline p99 < 5.00 ms: ")
		})
	}
	assert.Positive(t, cpuTime(), "the process's CPU time is measured")
	before := gcCycles()
	runtime.GC()
	assert.Greater(t, gcCycles(), before, "and its garbage collections")
}

// TestRunRate sends every scenario at a constant rate: every request
// scheduled is answered, the p99 goal is judged at that rate, and no
// throughput ratio is written.
func TestRunRate(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, options{clients: 4, requests: 200, duration: 30 * time.Second, rate: 2000}))
	text := out.String()
	assert.Contains(t, text, "4 clients (loadgen's lean HTTP/1.1 client, at a constant 2000/s, latency from each request's scheduled send)")
	assert.Len(t, regexp.MustCompile(`(?m)^\| (tiercel|OPA) POST [^|]+\| 200 \| 0 \|`).FindAllString(text, -1), 5, "every scenario answered all its requests: %s", text)
	assert.Contains(t, text, "- tiercel deadline at a constant 2000/s: 200 answered of 200 scheduled, ")
	assert.Regexp(t, `- tiercel deadline p99 < 5\.00 ms at 2000/s: \d+\.\d\d ms: (met|NOT met) \(the goal is at 20000/s\)\n`, text)
	assert.Contains(t, text, "- no throughput ratios at a constant rate")
	assert.Contains(t, text, "- CPU a request, servers and generator together: tiercel deadline ")
	assert.NotContains(t, text, "target throughput:")
	assert.NotContains(t, text, "2x OPA server's throughput")
}
