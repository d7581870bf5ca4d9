package rules

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
)

var (
	suiteKeys     = []string{"version", "description", "catalog", "now", "tests"}
	suiteKinds    = []string{"deadline", "compare", "quote", "eligibility", "plan", "entitlements", "allowed"}
	suiteTestKeys = append([]string{"name", "description", "now", "expect"}, suiteKinds...)
	suiteCaseKeys = []string{"tier", "priority", "opened", "zone", "language", "account", "country", "attrs", "now", "pauses"}
	suiteExpect   = map[string][]string{
		"deadline":     {"due", "target", "within", "calendar", "rule", "error"},
		"compare":      {"changes", "error"},
		"quote":        {"tier", "total", "monthly", "banded", "minimum", "minimumApplied", "billedDays", "lines", "error"},
		"eligibility":  {"eligible", "required", "migration", "effectiveAt", "targets", "recommended", "priceHeldUntil", "reasons", "error"},
		"plan":         {"eligible", "required", "migration", "effectiveAt", "targets", "recommended", "priceHeldUntil", "reasons", "options", "error"},
		"entitlements": {"tier", "migration", "migrated", "languages", "channels", "services", "error"},
		"allowed":      {"allowed", "rule", "error"},
	}
	suiteContractKeys = []string{"account", "tier", "start", "renewal", "spend", "zone", "attrs"}
	suiteOptionKeys   = []string{"keepsTargets", "total", "changes", "effectiveAt", "priceHeldUntil", "recommended"}
	suiteChangeKeys   = []string{"priority", "from", "to", "kind"}
)

type suiteParser struct {
	d   *decoder
	s   *Suite
	dir string
	now *time.Time // the suite's default now
}

func (p *suiteParser) parse(root *yaml.Node) {
	d := p.d
	fields := d.Mapping(root, "", suiteKeys)
	if root.Kind != yaml.MappingNode {
		return
	}
	if !d.Require(root, "", fields, "tests") {
		return
	}
	for _, f := range fields {
		switch f.Key {
		case "version":
			if v, ok := d.Scalar(f); ok && v != "1" {
				d.Fail(f.Value, f.Path, nil, "unsupported format version %q (want 1)", v)
			}
		case "description":
			d.Scalar(f)
		case "catalog":
			for _, c := range p.stringList(f) {
				c = filepath.FromSlash(c)
				if !filepath.IsAbs(c) {
					c = filepath.Join(p.dir, c)
				}
				p.s.Catalog = append(p.s.Catalog, c)
			}
		case "now":
			if t, ok := p.instant(f, nil); ok {
				p.now = &t
			}
		}
	}
	for _, f := range fields {
		if f.Key != "tests" {
			continue
		}
		items := d.List(f)
		if len(items) == 0 && (f.Value == nil || f.Value.Kind != yaml.MappingNode && f.Value.Kind != yaml.ScalarNode || f.Value.Tag == "!!null") {
			d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "no tests")
		}
		names := map[string]string{}
		for _, it := range items {
			t := p.test(it)
			if t == nil {
				continue
			}
			if prev, dup := names[t.Name]; dup {
				d.Fail(it.Node, it.Path+".name", nil, "duplicate test name %q (first at %s)", t.Name, prev)
				continue
			}
			names[t.Name] = t.Pos()
			p.s.Tests = append(p.s.Tests, t)
		}
	}
}

// stringList accepts one string or a list of strings.
func (p *suiteParser) stringList(f field) []string {
	if f.Value != nil && f.Value.Kind == yaml.ScalarNode && f.Value.Tag != "!!null" {
		s, ok := p.d.Str(f)
		if !ok {
			return nil
		}
		return []string{s}
	}
	var out []string
	for _, it := range p.d.List(f) {
		if s, ok := p.d.Str(it.Field(f)); ok {
			out = append(out, s)
		}
	}
	return out
}

func (p *suiteParser) test(it item) *SuiteTest {
	d := p.d
	if it.Node == nil || it.Node.Kind != yaml.MappingNode {
		d.Fail(it.Node, it.Path, nil, "must be a mapping with name, a question and expect, got %s", yamlpos.KindNameOr(it.Node))
		return nil
	}
	fields := d.Mapping(it.Node, it.Path, suiteTestKeys)
	t := &SuiteTest{File: p.d.File(), Line: it.Node.Line, Column: it.Node.Column}
	ok := d.Require(it.Node, it.Path, fields, "name", "expect")
	var question, expect *field
	now := p.now
	for i := range fields {
		f := &fields[i]
		switch f.Key {
		case "name":
			name, good := d.Str(*f)
			ok = ok && good
			t.Name = name
		case "description":
			d.Scalar(*f)
		case "now":
			if tm, good := p.instant(*f, nil); good {
				now = &tm
			} else {
				ok = false
			}
		case "expect":
			expect = f
		default: // a question
			if question != nil {
				d.Fail(f.KeyNode, f.Path, nil, "a test asks one question: %s and %s both given", question.Key, f.Key)
				ok = false
				continue
			}
			question = f
		}
	}
	if question == nil {
		d.Fail(it.Node, it.Path, nil, "missing the question: one of %s", strings.Join(suiteKinds, ", "))
		return nil
	}
	if !ok || expect == nil {
		return nil
	}
	t.Kind = question.Key
	wants := d.Mapping(expect.Value, expect.Path, suiteExpect[t.Kind])
	if expect.Value == nil || expect.Value.Kind != yaml.MappingNode {
		if expect.Value == nil || expect.Value.Tag == "!!null" {
			d.Fail(yamlpos.OrNode(expect.Value, expect.KeyNode), expect.Path, nil, "must be a mapping of expected values")
		}
		return nil
	}
	if len(expect.Value.Content) == 0 {
		d.Fail(expect.Value, expect.Path, nil, "nothing to expect: name at least one of %s", strings.Join(suiteExpect[t.Kind], ", "))
		return nil
	}
	if len(wants) == 0 {
		return nil
	}
	for _, w := range wants {
		if w.Key != "error" {
			continue
		}
		if len(wants) > 1 {
			d.Fail(w.KeyNode, w.Path, nil, "an expected error cannot be combined with other expectations")
			return nil
		}
		s, good := d.Str(w)
		if !good {
			return nil
		}
		t.wantErr = &s
		wants = nil
	}
	errs := d.Failures()
	switch t.Kind {
	case "deadline":
		t.run = p.deadline(*question, wants, now)
	case "compare":
		t.run = p.compare(*question, wants)
	case "quote":
		t.run = p.quote(*question, wants)
	case "eligibility":
		t.run = p.eligibility(*question, wants, now)
	case "plan":
		t.run = p.plan(*question, wants, now)
	case "entitlements":
		t.run = p.entitlements(*question, wants, now)
	case "allowed":
		t.run = p.allowed(*question, wants, now)
	}
	if t.run == nil || d.Failures() > errs {
		return nil
	}
	return t
}

// Scalars.

// instant reads an RFC 3339 timestamp, or a date "2026-09-01" meaning
// midnight in loc (UTC when loc is nil).
func (p *suiteParser) instant(f field, loc *time.Location) (time.Time, bool) {
	s, ok := p.d.Str(f)
	if !ok {
		return time.Time{}, false
	}
	t, err := parseInstant(s, loc)
	if err != nil {
		p.d.Fail(f.Value, f.Path, err, "%v", err)
		return time.Time{}, false
	}
	return t, true
}

func parseInstant(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, loc); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("invalid time %q: want RFC 3339 (2026-03-02T10:00:00Z) or a date (2026-03-02)", s)
}

func (p *suiteParser) money(f field) (entitlement.Money, bool) {
	return parsed(p.d, f, entitlement.ParseMoney)
}

func (p *suiteParser) priority(f field) (slo.Priority, bool) {
	return parsed(p.d, f, slo.ParsePriority)
}

func (p *suiteParser) target(f field) (slo.Target, bool) { return parsed(p.d, f, slo.ParseTarget) }

func (p *suiteParser) zone(f field) (string, bool) {
	s, ok := p.d.Str(f)
	if !ok {
		return "", false
	}
	if _, err := loadZone(s); err != nil {
		p.d.Fail(f.Value, f.Path, ErrInvalidZone, "unknown time zone %q", s)
		return "", false
	}
	return s, true
}

func (p *suiteParser) integer(f field) (int, bool) {
	s, ok := p.d.Str(f)
	if !ok {
		return 0, false
	}
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || fmt.Sprint(n) != s {
		p.d.Fail(f.Value, f.Path, nil, "must be an integer, got %q", s)
		return 0, false
	}
	return n, true
}

// attrs decodes a mapping of extra facts for CEL.
func (p *suiteParser) attrs(f field) map[string]any {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		p.d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping, got %s", yamlpos.KindNameOr(f.Value))
		return nil
	}
	var m map[string]any
	if err := f.Value.Decode(&m); err != nil {
		p.d.Fail(f.Value, f.Path, err, "%v", err)
		return nil
	}
	return m
}

func (p *suiteParser) strs(f field) []string {
	var out []string
	for _, it := range p.d.List(f) {
		if s, ok := p.d.Str(it.Field(f)); ok {
			out = append(out, s)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

func (p *suiteParser) boolean(f field) (bool, bool) { return p.d.Boolean(f) }

func (p *suiteParser) str(f field) (string, bool) { return p.d.Scalar(f) }

// question reads the mapping of a question, requiring the named keys.
func (p *suiteParser) question(f field, known []string, required ...string) ([]field, bool) {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		p.d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with %s", strings.Join(known, ", "))
		return nil, false
	}
	fields := p.d.Mapping(f.Value, f.Path, known)
	return fields, p.d.Require(f.KeyNode, f.Path, fields, required...)
}

// Inputs.

// kase reads a case; the caller decides which keys are required.
func (p *suiteParser) kase(f field, now *time.Time, required ...string) (Case, bool) {
	fields, ok := p.question(f, suiteCaseKeys, required...)
	if !ok {
		return Case{}, false
	}
	var c Case
	for _, x := range fields {
		good := true
		switch x.Key {
		case "tier":
			c.Tier, good = p.d.Str(x)
		case "priority":
			c.Priority, good = p.priority(x)
		case "opened":
			c.Opened, good = p.instant(x, nil)
		case "zone":
			c.Zone, good = p.zone(x)
		case "language":
			c.Language, good = p.d.Str(x)
		case "account":
			c.Account, good = p.d.Str(x)
		case "country":
			c.Country, good = p.d.Str(x)
		case "attrs":
			c.Attrs = p.attrs(x)
			good = c.Attrs != nil
		case "now":
			c.Now, good = p.instant(x, nil)
		case "pauses":
			for _, it := range p.d.List(x) {
				pf := p.d.Mapping(it.Node, it.Path, []string{"start", "end"})
				if it.Node == nil || it.Node.Kind != yaml.MappingNode || !p.d.Require(it.Node, it.Path, pf, "start", "end") {
					good = false
					continue
				}
				var iv slo.Interval
				for _, y := range pf {
					t, g := p.instant(y, nil)
					good = good && g
					if y.Key == "start" {
						iv.Start = t
					} else {
						iv.End = t
					}
				}
				c.Pauses = append(c.Pauses, iv)
			}
		}
		ok = ok && good
	}
	if c.Now.IsZero() && now != nil {
		c.Now = *now
	}
	return c, ok
}

func (p *suiteParser) contract(f field) (entitlement.Contract, bool) {
	fields, ok := p.question(f, suiteContractKeys, "tier")
	if !ok {
		return entitlement.Contract{}, false
	}
	var c entitlement.Contract
	var loc *time.Location
	for _, x := range fields {
		if x.Key == "zone" {
			z, good := p.zone(x)
			if !good {
				return c, false
			}
			c.Zone = z
			loc, _ = loadZone(z)
		}
	}
	for _, x := range fields {
		good := true
		switch x.Key {
		case "account":
			c.Account, good = p.d.Str(x)
		case "tier":
			c.Tier, good = p.d.Str(x)
		case "start":
			c.Start, good = p.instant(x, loc)
		case "renewal":
			c.Renewal, good = p.instant(x, loc)
		case "spend":
			c.Spend, good = p.money(x)
		case "attrs":
			c.Attrs = p.attrs(x)
			good = c.Attrs != nil
		}
		ok = ok && good
	}
	return c, ok
}

// contractAt reads {contract, at}, and movedTo when movedTo is not nil; at
// defaults to the test's now.
func (p *suiteParser) contractAt(f field, now *time.Time, movedTo *string) (entitlement.Contract, time.Time, bool) {
	known := []string{"contract", "at"}
	if movedTo != nil {
		known = append(known, "movedTo")
	}
	fields, ok := p.question(f, known, "contract")
	if !ok {
		return entitlement.Contract{}, time.Time{}, false
	}
	var c entitlement.Contract
	var at time.Time
	hasAt := false
	for _, x := range fields {
		switch x.Key {
		case "contract":
			var good bool
			c, good = p.contract(x)
			ok = ok && good
		case "at":
			var good bool
			at, good = p.instant(x, nil)
			ok, hasAt = ok && good, true
		case "movedTo":
			var good bool
			*movedTo, good = p.d.Str(x)
			ok = ok && good
		}
	}
	if !hasAt {
		if now == nil {
			p.d.Fail(f.KeyNode, f.Path, nil, "missing at: give at here or now in the test or the suite")
			return c, at, false
		}
		at = *now
	}
	return c, at, ok
}

// Comparison helpers.
