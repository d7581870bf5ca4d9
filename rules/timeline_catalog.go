package rules

import (
	"fmt"
	"slices"

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
//	    resolution:
//	      pause: "event.status == 'pending'"         # CEL over event and case
//	      priorityChange: retarget                   # or restart
//	      keepPauses: true
//	      reopen: continue                           # or new

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

// lifecycleDef is a lifecycle section as written.
type lifecycleDef struct {
	at              pos
	solved, waiting []string
	reevaluate      bool // tierChange: reevaluate
	metrics         [numMetrics]*metricSettingsDef
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
			for _, mf := range d.Mapping(c.Value, c.Path, metricNames[:]) {
				m, _ := parseMetric(mf.Key)
				ld.metrics[m] = d.parseMetricSettings(mf)
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
// condition as a CEL program the catalog wrote or a native default, and
// what a priority change and a reopening do.
type metricRules struct {
	prg        [numConds]cel.Program // the catalog's condition; nil for the default
	what       [numConds]string      // the path of each catalog condition, naming it in errors
	src        [numConds]string      // each catalog condition as written, for Diff
	native     [numConds]eventCheck  // the default when prg is nil
	restart    bool                  // a priority change restarts the cycle (else retargets it)
	dropPauses bool                  // a retarget counts the time paused before the change
	continues  bool                  // a reopening continues the last achieved cycle (else starts a new one)
}

// lifecycle is the compiled lifecycle section: the statuses the defaults
// read, what a tier change does, and each metric's rules.
type lifecycle struct {
	solved, waiting []string
	reevaluate      bool
	metrics         [numMetrics]metricRules
	usesCEL         bool // some condition is a CEL program: events need an activation
}

func (lc *lifecycle) isSolved(s string) bool  { return slices.Contains(lc.solved, s) }
func (lc *lifecycle) isWaiting(s string) bool { return slices.Contains(lc.waiting, s) }

// The native conditions of the defaults.
func never(*lifecycle, *celEvent) bool          { return false }
func isOpening(_ *lifecycle, ev *celEvent) bool { return ev.Type == EventOpen }
func byAgent(_ *lifecycle, ev *celEvent) bool   { return ev.Type == EventMessage && ev.By == ByAgent }
func byCustomer(_ *lifecycle, ev *celEvent) bool {
	return ev.Type == EventMessage && ev.By == ByCustomer
}
func solved(lc *lifecycle, ev *celEvent) bool        { return lc.isSolved(ev.Status) }
func waiting(lc *lifecycle, ev *celEvent) bool       { return lc.isWaiting(ev.Status) }
func notWaiting(lc *lifecycle, ev *celEvent) bool    { return !lc.isWaiting(ev.Status) }
func openOrReopened(_ *lifecycle, ev *celEvent) bool { return ev.Type == EventOpen || ev.Reopened }
func agentOrSolved(lc *lifecycle, ev *celEvent) bool { return byAgent(lc, ev) || solved(lc, ev) }
func updateStarts(lc *lifecycle, ev *celEvent) bool {
	return !solved(lc, ev) && (openOrReopened(lc, ev) || byAgent(lc, ev))
}

// defaultRules are each metric's default conditions, in condition order:
// start, stop, pause, resume, reset.
var defaultRules = [numMetrics][numConds]eventCheck{
	response:   {isOpening, byAgent, never, notWaiting, never},
	nextReply:  {byCustomer, agentOrSolved, never, notWaiting, never},
	update:     {updateStarts, agentOrSolved, waiting, notWaiting, never},
	resolution: {openOrReopened, solved, waiting, notWaiting, never},
}

// compileLifecycle compiles the lifecycle section (at most one across the
// catalog's files) over the defaults.
func (c *compiler) compileLifecycle(defs []*lifecycleDef) *lifecycle {
	lc := &lifecycle{solved: defaultSolved, waiting: defaultWaiting}
	for m := range numMetrics {
		lc.metrics[m].native = defaultRules[m]
		lc.metrics[m].continues = m == resolution
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
	for m, ms := range ld.metrics {
		if ms == nil {
			continue
		}
		mr := &lc.metrics[m]
		mr.restart, mr.dropPauses = ms.restart, ms.dropPauses
		if ms.reopen != nil {
			mr.continues = *ms.reopen
		}
		for k, x := range ms.cond {
			if x == nil {
				continue
			}
			if prg, ok := c.compileExpr(x, cel.BoolType); ok {
				mr.prg[k], mr.what[k], mr.src[k] = prg, "lifecycle."+metricNames[m]+"."+condNames[k], x.src
				lc.usesCEL = true
			}
		}
	}
	return lc
}
