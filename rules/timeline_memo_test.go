package rules

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"cel.dev/cel-go/cel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCondMemoFields(t *testing.T) {
	env, err := celEnv()
	require.NoError(t, err)
	tests := []struct {
		src    string
		fields memoField // 0: not memoized
	}{
		{"event.status == 'pending'", memoStatus},
		{"event.type == 'message' && event.by == 'agent' || event.status in ['solved', 'closed']", memoType | memoBy | memoStatus},
		{"event.type == 'open' || event.reopened", memoType | memoReopened},
		{"event.priority == 'P1' && event.tier != 'a'", memoPriority | memoTier},
		{"size(event.status) > 5 && event.status.startsWith('p')", memoStatus},
		{"{'pending': true}[event.status] == true", memoStatus},
		{"true", 0xff},
		{"event.at > timestamp('2026-03-20T00:00:00Z')", 0},
		{"has(event.attrs.x)", 0},
		{"event.attrs.x == 1", 0},
		{"case.priority == 'P1' && event.status == 'pending'", 0},
		{"now > timestamp('2026-03-20T00:00:00Z')", 0},
		{"tier.id == 'a'", 0},
		{"[event.status].exists(s, s == 'pending')", 0},
		{"has(event.status)", 0},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			ast, iss := env.Compile(tt.src)
			require.NoError(t, iss.Err())
			m := newCondMemo(ast)
			if tt.fields == 0 {
				assert.Nil(t, m)
				return
			}
			require.NotNil(t, m)
			if tt.fields != 0xff {
				assert.Equal(t, tt.fields, m.fields)
			}
		})
	}
	assert.Nil(t, newCondMemo((*cel.Ast)(nil)))
}

// A memo keeps at most maxMemo combinations; past them, evaluations run.
func TestCondMemoBounded(t *testing.T) {
	m := &condMemo{fields: memoStatus}
	for i := range maxMemo + 10 {
		m.put(memoKey{status: fmt.Sprint(i)}, memoResult{holds: i%2 == 0, cost: uint64(i)})
	}
	assert.Len(t, *m.table.Load(), maxMemo)
	r, ok := m.get(memoKey{status: "7"})
	assert.True(t, ok)
	assert.Equal(t, memoResult{false, 7}, r)
	_, ok = m.get(memoKey{status: fmt.Sprint(maxMemo)})
	assert.False(t, ok)
}

// memoConditions are lifecycle conditions of the random catalogs, per
// condition: some read only the event's fields (memoized), some read more.
var memoConditions = map[string][]string{
	"start": {"event.type == 'open' || event.reopened", "event.type in ['open', 'message'] && event.priority != 'P4'",
		"event.type == 'message' && event.by == 'customer' && !(event.status in ['solved', 'closed'])", "event.type == 'open' || event.at > case.opened + duration('6h')"},
	"stop": {"event.type == 'message' && event.by == 'agent' || event.status in ['solved', 'closed']", "event.status == 'solved' && event.tier != 'c'",
		"event.at > case.opened + duration('30h') && event.type == 'message'"},
	"pause":  {"event.status == 'pending'", "size(event.status) > 7", "event.status in ['pending', 'on-hold'] && now > timestamp('2026-03-20T00:00:00Z')"},
	"resume": {"event.status != 'pending'", "!(event.status in ['pending', 'on-hold'])", "event.type == 'message' && event.by == 'customer'"},
	"reset":  {"event.type == 'priority' && event.priority == 'P1'", "false", "event.type == 'tier' && event.tier == 'b'"},
}

// memoCatalog is the reference catalog of s with random conditions.
func memoCatalog(rng *rand.Rand, s refSettings) string {
	cat := refCatalog(s)
	for m := range numBuiltins {
		var conds []string
		for _, k := range condNames {
			if rng.IntN(2) == 0 {
				pool := memoConditions[k]
				conds = append(conds, fmt.Sprintf("%s: %q", k, pool[rng.IntN(len(pool))]))
			}
		}
		if len(conds) > 0 {
			name := builtinMetrics[m].name
			cat = strings.Replace(cat, "    "+name+": {priorityChange", "    "+name+": {"+strings.Join(conds, ", ")+", priorityChange", 1)
		}
	}
	return cat
}

// withoutMemo compiles src twice: as it is, and with every memo dropped.
func withoutMemo(t testing.TB, src string) (*Engine, *Engine) {
	e, err := Compile("memo.yaml", []byte(src))
	require.NoError(t, err, src)
	plain, err := Compile("memo.yaml", []byte(src))
	require.NoError(t, err)
	for i := range plain.lifecycle.metrics {
		plain.lifecycle.metrics[i].memo = [numConds]*condMemo{}
	}
	return e, plain
}

// timelineOf is a timeline as the tests compare it, or its error.
func timelineOf(e *Engine, c Case, events []Event, now time.Time) (map[string][]string, string) {
	return timelineIn(context.Background(), e, c, events, now)
}

// timelineIn is timelineOf under ctx.
func timelineIn(ctx context.Context, e *Engine, c Case, events []Event, now time.Time) (map[string][]string, string) {
	tl, err := e.TimelineContext(ctx, c, events, now)
	if err != nil {
		return nil, err.Error()
	}
	return describe(tl), ""
}

// Timeline with the memos of conditions against Timeline without them, on
// thousands of random histories over random catalogs, from one goroutine
// and then from several at once on fresh engines.
func TestTimelineMemoMatchesEvaluation(t *testing.T) {
	histories := 4000
	if raceEnabled || testing.Short() {
		histories = 400
	}
	const catalogs = 20
	zones := []*time.Location{time.UTC, mustZone(t, "Europe/Berlin"), mustZone(t, "America/New_York")}
	rng := rand.New(rand.NewPCG(19, 2026))
	memoized := 0
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for ci := range catalogs {
		src := memoCatalog(rng, randomSettings(rng))
		e, plain := withoutMemo(t, src)
		for _, mr := range e.lifecycle.metrics {
			for _, m := range mr.memo {
				if m != nil {
					memoized++
				}
			}
		}
		type history struct {
			c      Case
			events []Event
			now    time.Time
		}
		hs := make([]history, histories/catalogs)
		for i := range hs {
			hs[i].c, hs[i].events, hs[i].now = randomHistory(rng, zones)
		}
		t.Run(fmt.Sprintf("catalog %d", ci), func(t *testing.T) {
			for h, x := range hs {
				want, wantErr := timelineOf(plain, x.c, x.events, x.now)
				got, gotErr := timelineOf(e, x.c, x.events, x.now)
				require.Equal(t, wantErr, gotErr, "history %d", h)
				_, wantErr = timelineIn(cancelled, plain, x.c, x.events, x.now)
				_, gotErr = timelineIn(cancelled, e, x.c, x.events, x.now)
				require.Equal(t, wantErr, gotErr, "history %d, cancelled", h)
				if !maps.EqualFunc(got, want, slices.Equal[[]string]) {
					require.Equal(t, want, got, "history %d: case %+v\ncatalog %s\nevents %s\nnow %s", h, x.c, src, formatEvents(x.events), stamp(x.now))
				}
			}
			fresh, _ := withoutMemo(t, src)
			var wg sync.WaitGroup
			failures := make(chan string, len(hs))
			for g := range 4 {
				wg.Go(func() {
					for i := g; i < len(hs); i += 4 {
						x := hs[i]
						want, wantErr := timelineOf(plain, x.c, x.events, x.now)
						got, gotErr := timelineOf(fresh, x.c, x.events, x.now)
						if gotErr != wantErr || !maps.EqualFunc(got, want, slices.Equal[[]string]) {
							failures <- fmt.Sprintf("history %d differs from several goroutines", i)
						}
					}
				})
			}
			wg.Wait()
			close(failures)
			require.Empty(t, slices.Collect(func(yield func(string) bool) {
				for f := range failures {
					yield(f)
				}
			}))
		})
	}
	assert.Greater(t, memoized, catalogs, "the random catalogs memoize conditions")
}

// The memo charges the cost an evaluation would: a history that spends the
// timeline's budget on a costly condition fails at the same event, with
// the same cost spent.
func TestTimelineMemoSpendsTheBudget(t *testing.T) {
	statuses := make([]string, 250)
	for i := range statuses {
		statuses[i] = fmt.Sprintf("event.by+'%d'", i) // a list built at each evaluation
	}
	pause := "event.status in [" + strings.Join(statuses, ", ") + ", 'pending']"
	src := strings.Replace(refCatalog(refSettings{}), "    resolution: {priorityChange", fmt.Sprintf("    resolution: {pause: %q, resume: %q, priorityChange", pause, "!("+pause+")"), 1)
	e, plain := withoutMemo(t, src)
	require.NotNil(t, e.lifecycle.metrics[resolution].memo[condPause])
	zones := []*time.Location{time.UTC}
	rng := rand.New(rand.NewPCG(19, 7))
	c, events, now := randomHistoryN(rng, zones, 8000)
	c.Tier, c.Priority = "a", 1
	want, wantErr := timelineOf(plain, c, events, now)
	require.Contains(t, wantErr, ErrCostLimit.Error())
	got, gotErr := timelineOf(e, c, events, now)
	assert.Equal(t, wantErr, gotErr)
	assert.Equal(t, want, got)
}

// A timeline whose conditions are all memoized allocates only its result
// once the memos hold the events' combinations (476 allocations when every
// condition was evaluated).
func TestTimelineMemoAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	e, c, events, now := celTimeline(t)
	_, err := e.Timeline(c, events, now)
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(20, func() {
		if _, err := e.Timeline(c, events, now); err != nil {
			t.Fatal(err)
		}
	})
	assert.LessOrEqual(t, allocs, 30.0)
}
