package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"sort"
	"strconv"
	"syscall"
	"time"

	"github.com/tiercel/tiercel/internal/loadgen"
)

// tiers and priorities are the pairs both servers decide.
var (
	tiers      = []string{"standard", "enhanced", "premium"}
	priorities = []string{"P1", "P2", "P3", "P4"}
)

// timelineCase is the timeline request: the example of the OpenAPI document.
const timelineCase = `{"tier":"premium","priority":"P2","opened":"2026-03-02T09:00:00Z","now":"2026-03-02T20:00:00Z",
"events":[{"at":"2026-03-02T10:00:00Z","type":"message","by":"agent"},{"at":"2026-03-02T15:00:00Z","type":"status","status":"solved"}]}`

func post(url, body string) loadgen.Request {
	return loadgen.Request{Method: http.MethodPost, URL: url, Body: []byte(body)}
}

// deadlineRequests returns a request for each pair of the table: a case
// opened on a Thursday in Berlin for tiercel, OPA's {"input": {tier, priority}}.
func deadlineRequests(url string, table targets, opa bool) []loadgen.Request {
	var reqs []loadgen.Request
	for _, t := range sortedKeys(table) {
		for _, p := range sortedKeys(table[t]) {
			if opa {
				reqs = append(reqs, post(url, fmt.Sprintf(`{"input":{"tier":%q,"priority":%q}}`, t, p)))
			} else {
				reqs = append(reqs, post(url, fmt.Sprintf(`{"tier":%q,"priority":%q,"opened":"2026-03-05T10:00:00Z","zone":"Europe/Berlin"}`, t, p)))
			}
		}
	}
	return reqs
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tiercelTargets asks tiercel's deadline for every pair and returns the
// target text of each answer: the table OPA's policy decides from.
func tiercelTargets(ctx context.Context, base string) (targets, error) {
	table := targets{}
	for _, t := range tiers {
		table[t] = map[string]string{}
		for _, p := range priorities {
			var a struct {
				Result struct {
					Target struct {
						Text string `json:"text"`
					} `json:"target"`
				} `json:"result"`
			}
			body := fmt.Sprintf(`{"tier":%q,"priority":%q,"opened":"2026-03-05T10:00:00Z","zone":"Europe/Berlin"}`, t, p)
			if err := postJSON(ctx, base+"/v1/deadline", body, &a); err != nil {
				return nil, err
			}
			table[t][p] = a.Result.Target.Text
		}
	}
	return table, nil
}

// postJSON posts body to url and decodes a 200 answer into v.
func postJSON(ctx context.Context, url, body string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewBufferString(body))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("POST %s %s: %d %s", url, body, resp.StatusCode, b)
	}
	return json.Unmarshal(b, v)
}

func runtimeProcs() int { return runtime.GOMAXPROCS(0) }

// gcPercent returns the collector's GOGC setting, "off" when it is off.
func gcPercent() string {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	if p < 0 {
		return "off"
	}
	return strconv.Itoa(p)
}

// cpuTime returns the user and system CPU time the process has used: the
// servers and the load generator both, whatever else the machine runs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// startProfile starts the CPU profile of scenario n, written to
// prefix-n.prof, and returns what stops it; with no prefix it does nothing.
func startProfile(prefix string, n int) (stop func(), err error) {
	if prefix == "" {
		return func() {}, nil
	}
	f, err := os.Create(fmt.Sprintf("%s-%d.prof", prefix, n))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// gcCycles returns the garbage collections the process has completed.
func gcCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
