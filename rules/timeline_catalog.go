package rules

import (
	"fmt"
	"slices"
	"strings"

	"cel.dev/cel-go/cel"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// The lifecycle section of a catalog says how a case's events drive the
// clocks of its metrics (see Timeline). Every key is optional:
//
//	lifecycle:
//	  solved: [solved, closed]                      # statuses that end the resolution
//	  waiting: [pending, waiting on customer, on-hold] # statuses that pause
//	  tierChange: fixed                              # or reevaluate
//	  metrics:
//	    resolution:                                  # a built-in metric: the conditions it replaces
//	      pause: "event.status == 'pending'"         # CEL over event and case
//	      priorityChange: retarget                   # or restart
//	      keepPauses: true
//	      reopen: continue                           # or new
//	    requester_wait_time:                         # a metric the catalog declares: start and stop required
//	      start: "event.type == 'open'"
//	      stop: "event.status == 'solved'"
//	      pause: "event.status in ['on-hold']"       # pause and resume together, or neither
//	      resume: "!(event.status in ['on-hold'])"

// lifecycleKeys are the keys of the lifecycle section.
var lifecycleKeys = []string{"solved", "waiting", "tierChange", "metrics"}

// condition is one of the conditions that drive a metric's clock.
type condition uint8

const (
	condStart  condition = iota // a new cycle begins (when none runs)
	condStop                    // the running cycle is achieved
	condPause                   // the running cycle's clock stops
	condResume                  // the paused cycle's clock runs again
	condReset                   // the running cycle is cancelled and a new one begins
	numConds
)

var condNames = [numConds]string{"start", "stop", "pause", "resume", "reset"}

// metricSettingKeys are the keys of one metric under lifecycle.metrics.
var metricSettingKeys = append(condNames[:numConds:numConds], "priorityChange", "keepPauses", "reopen")

// Default status lists of the lifecycle section.
var (
	defaultSolved  = []string{"solved", "closed"}
	defaultWaiting = []string{"pending", "waiting on customer", "on-hold"}
)

// metricSettingsDef is one metric's settings as written.
type metricSettingsDef struct {
	cond       [numConds]*expr
	restart    bool // priorityChange: restart
	dropPauses bool // keepPauses: false
	reopen     *bool
}

// namedSettingsDef is one entry of lifecycle.metrics as written.
type namedSettingsDef struct {
	name string
	at   pos // the key
	def  *metricSettingsDef
}

// lifecycleDef is a lifecycle section as written.
type lifecycleDef struct {
	at              pos
	solved, waiting []string
	reevaluate      bool // tierChange: reevaluate
	metrics         []namedSettingsDef
}

// enum returns a parser of one of the words, in the order given.
func enum(words ...string) func(string) (int, error) {
	return func(s string) (int, error) {
		if i := slices.Index(words, s); i >= 0 {
			return i, nil
		}
		return 0, fmt.Errorf("must be %s or %s, got %q", words[0], words[1], s)
	}
}

// settings returns the fields of a mapping of settings, or reports what it
// must be when it is not a mapping.
func (d *decoder) settings(f field, known []string, mustBe string) ([]field, bool) {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping %s", mustBe)
		return nil, false
	}
	return d.Mapping(f.Value, f.Path, known), true
}

func (d *decoder) parseLifecycle(f field) *lifecycleDef {
	ld := &lifecycleDef{at: d.At(f.KeyNode, f.Path)}
	fields, ok := d.settings(f, lifecycleKeys, "with solved, waiting, tierChange or metrics")
	if !ok {
		return nil
	}
	for _, c := range fields {
		switch c.Key {
		case "solved":
			ld.solved = d.Strings(c)
		case "waiting":
			ld.waiting = d.Strings(c)
		case "tierChange":
			v, _ := parsed(d, c, enum("fixed", "reevaluate"))
			ld.reevaluate = v == 1
		case "metrics":
			for _, mf := range d.Mapping(c.Value, c.Path, nil) {
				if _, err := builtinSet.parse(mf.Key); err != nil {
					if err := checkMetricName(mf.Key); err != nil {
						d.Fail(mf.KeyNode, mf.Path, nil, "%v", err)
						continue
					}
				}
				ld.metrics = append(ld.metrics, namedSettingsDef{name: mf.Key, at: d.At(mf.KeyNode, mf.Path), def: d.parseMetricSettings(mf)})
			}
		}
	}
	return ld
}

func (d *decoder) parseMetricSettings(f field) *metricSettingsDef {
	ms := &metricSettingsDef{}
	fields, _ := d.settings(f, metricSettingKeys, "of conditions (start, stop, pause, resume, reset) and settings")
	for _, c := range fields {
		switch c.Key {
		case "priorityChange":
			v, _ := parsed(d, c, enum("retarget", "restart"))
			ms.restart = v == 1
		case "keepPauses":
			keep, good := d.Boolean(c)
			ms.dropPauses = good && !keep
		case "reopen":
			if v, good := parsed(d, c, enum("new", "continue")); good {
				cont := v == 1
				ms.reopen = &cont
			}
		default:
			ms.cond[slices.Index(condNames[:], c.Key)] = d.expr(c)
		}
	}
	return ms
}

// eventCheck is a native condition: one of the defaults, tested in Go
// without a CEL evaluation.
type eventCheck func(lc *lifecycle, ev *celEvent) bool

// metricRules are how a compiled catalog runs one metric's clock: each
// condition as a CEL program the catalog wrote or a native default (one of
// the two is set for every condition), and what a priority change and a
// reopening do.
type metricRules struct {
	name       string                // the metric's name
	prg        [numConds]cel.Program // the catalog's condition; nil for the default
	what       [numConds]string      // the path of each catalog condition, naming it in errors
	at         [numConds]pos         // where each catalog condition is written, for Coverage
	src        [numConds]string      // each catalog condition as written, for Diff
	native     [numConds]eventCheck  // the default when prg is nil
	memo       [numConds]*condMemo   // the results of a catalog's condition that reads only the event's fields; nil for none
	restart    bool                  // a priority change restarts the cycle (else retargets it)
	dropPauses bool                  // a retarget counts the time paused before the change
	continues  bool                  // a reopening continues the last achieved cycle (else starts a new one)
}

// lifecycle is the compiled lifecycle section: the statuses the defaults
// read, what a tier change does, and each metric's rules.
type lifecycle struct {
	solved, waiting []string
	reevaluate      bool
	metrics         []metricRules // by metric
	usesCEL         bool          // some condition is a CEL program: events need an activation
}

func (lc *lifecycle) isSolved(s string) bool  { return slices.Contains(lc.solved, s) }
func (lc *lifecycle) isWaiting(s string) bool { return slices.Contains(lc.waiting, s) }

// The native conditions of the defaults.
func never(*lifecycle, *celEvent) bool          { return false }
func isOpening(_ *lifecycle, ev *celEvent) bool { return ev.Type == EventOpen }
func byAgent(_ *lifecycle, ev *celEvent) bool   { return ev.Type == EventMessage && ev.By == ByAgent }

// customerWhileOpen is a customer message on a case not solved: a message
// that does not reopen a solved case owes no reply.
func customerWhileOpen(lc *lifecycle, ev *celEvent) bool {
	return ev.Type == EventMessage && ev.By == ByCustomer && !solved(lc, ev)
}
func solved(lc *lifecycle, ev *celEvent) bool        { return lc.isSolved(ev.Status) }
func waiting(lc *lifecycle, ev *celEvent) bool       { return lc.isWaiting(ev.Status) }
func notWaiting(lc *lifecycle, ev *celEvent) bool    { return !lc.isWaiting(ev.Status) }
func openOrReopened(_ *lifecycle, ev *celEvent) bool { return ev.Type == EventOpen || ev.Reopened }
func agentOrSolved(lc *lifecycle, ev *celEvent) bool { return byAgent(lc, ev) || solved(lc, ev) }
func updateStarts(lc *lifecycle, ev *celEvent) bool {
	return !solved(lc, ev) && (openOrReopened(lc, ev) || byAgent(lc, ev))
}

// metricSet returns the catalog's metrics: the built-ins, then those the
// first lifecycle section declares, at most maxMetrics.
func (c *compiler) metricSet(defs []*lifecycleDef) metricSet {
	ms := slices.Clone(builtinSet)
	if len(defs) == 0 {
		return ms
	}
	for _, n := range defs[0].metrics {
		if _, err := ms.parse(n.name); err == nil {
			continue // a built-in, or declared twice (a duplicate key)
		}
		if len(ms) == maxMetrics {
			c.add(n.at.Errorf(nil, "more than %d metrics", maxMetrics))
			break
		}
		ms = append(ms, n.name)
	}
	return ms
}

// compileLifecycle compiles the lifecycle section (at most one across the
// catalog's files) over the defaults of the metrics ms.
func (c *compiler) compileLifecycle(defs []*lifecycleDef, ms metricSet) *lifecycle {
	lc := &lifecycle{solved: defaultSolved, waiting: defaultWaiting, metrics: make([]metricRules, len(ms))}
	for m := range lc.metrics {
		mr := &lc.metrics[m]
		mr.name, mr.native = ms[m], declaredDefaults
		if m < int(numBuiltins) {
			mr.native, mr.continues = builtinMetrics[m].defaults, builtinMetrics[m].continues
		}
	}
	if len(defs) == 0 {
		return lc
	}
	for _, extra := range defs[1:] {
		c.add(extra.at.Errorf(nil, "lifecycle defined twice (first at %s)", defs[0].at.Short()))
	}
	ld := defs[0]
	if ld.solved != nil {
		lc.solved = ld.solved
	}
	if ld.waiting != nil {
		lc.waiting = ld.waiting
	}
	lc.reevaluate = ld.reevaluate
	for _, n := range ld.metrics {
		m, err := ms.parse(n.name)
		if err != nil || n.def == nil {
			continue // over maxMetrics, or not a mapping: reported
		}
		if m >= numBuiltins && !c.checkDeclared(n) {
			continue
		}
		c.compileSettings(lc, &lc.metrics[m], n.def)
	}
	return lc
}

// checkDeclared reports the conditions a declared metric must write: start
// and stop, and pause and resume together or neither.
func (c *compiler) checkDeclared(n namedSettingsDef) bool {
	ok := true
	var missing []string
	for _, k := range []condition{condStart, condStop} {
		if n.def.cond[k] == nil {
			missing = append(missing, condNames[k])
		}
	}
	if len(missing) > 0 {
		c.add(n.at.Errorf(nil, "metric %q is not built in: write its start and stop conditions (missing %s)", n.name, strings.Join(missing, " and ")))
		ok = false
	}
	if (n.def.cond[condPause] == nil) != (n.def.cond[condResume] == nil) {
		c.add(n.at.Errorf(nil, "metric %q writes one of pause and resume: write both, or neither (it never pauses)", n.name))
		ok = false
	}
	return ok
}

// compileSettings compiles one metric's settings and conditions as
// written into mr.
func (c *compiler) compileSettings(lc *lifecycle, mr *metricRules, ms *metricSettingsDef) {
	mr.restart, mr.dropPauses = ms.restart, ms.dropPauses
	if ms.reopen != nil {
		mr.continues = *ms.reopen
	}
	for k, x := range ms.cond {
		if x == nil {
			continue
		}
		if prg, ok := c.compileExpr(x, cel.BoolType); ok {
			mr.prg[k], mr.what[k], mr.src[k], mr.at[k] = prg, "lifecycle."+mr.name+"."+condNames[k], x.src, x.at
			mr.memo[k] = c.condMemo(x.src)
			lc.usesCEL = true
		}
	}
}
