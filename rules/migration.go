package rules

import (
	"time"

	"cel.dev/cel-go/cel"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"
)

// migrationKeys, grantKeys and featureKeys are the keys of a migrations
// entry, of its grants and of its keep.
var (
	migrationKeys = []string{"description", "applies", "effective", "to", "holdPriceUntil", "grants", "keep"}
	grantKeys     = []string{"from", "until", "languages", "channels", "services"}
	featureKeys   = []string{"languages", "channels", "services"}
)

type grantDef struct {
	at       pos
	from     *expr // CEL timestamp
	until    *expr // CEL timestamp, optional
	features entitlement.Features
}

type migrationDef struct {
	id             string
	at             pos
	description    string
	applies        *expr
	effective      *expr
	holdPriceUntil *expr
	to             []refDef
	grants         []grantDef
	keep           entitlement.Features
}

func (d *decoder) parseMigration(f field) *migrationDef {
	if !d.checkID(f, "migration") {
		return nil
	}
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with applies, effective and to")
		return nil
	}
	md := &migrationDef{id: f.Key, at: d.At(f.KeyNode, f.Path)}
	fields := d.Mapping(f.Value, f.Path, migrationKeys)
	ok := d.Require(f.KeyNode, f.Path, fields, "applies", "effective", "to")
	for _, c := range fields {
		switch c.Key {
		case "description":
			md.description, _ = d.Scalar(c)
		case "applies":
			ok = d.exprInto(c, &md.applies) && ok
		case "effective":
			ok = d.exprInto(c, &md.effective) && ok
		case "holdPriceUntil":
			ok = d.exprInto(c, &md.holdPriceUntil) && ok
		case "to":
			md.to = d.refs(c)
			if len(md.to) == 0 {
				d.Fail(yamlpos.OrNode(c.Value, c.KeyNode), c.Path, nil, "at least one target tier is required")
				ok = false
			}
		case "keep":
			d.features(d.Mapping(c.Value, c.Path, featureKeys), &md.keep)
		case "grants":
			ok = d.parseGrants(c, md) && ok
		}
	}
	if !ok {
		return nil
	}
	return md
}

// exprInto reads the expression of f into *x and reports whether it is
// valid.
func (d *decoder) exprInto(f field, x **expr) bool {
	*x = d.expr(f)
	return *x != nil
}

// parseGrants reads a migration's grants: features given from one instant,
// optionally until another, before the move takes effect.
func (d *decoder) parseGrants(c field, md *migrationDef) bool {
	ok := true
	for _, it := range d.List(c) {
		gf := d.Mapping(it.Node, it.Path, grantKeys)
		if it.Node.Kind != yaml.MappingNode || !d.Require(it.Node, it.Path, gf, "from") {
			ok = false
			continue
		}
		g := grantDef{at: d.At(it.Node, it.Path)}
		for _, x := range gf {
			switch x.Key {
			case "from":
				ok = d.exprInto(x, &g.from) && ok
			case "until":
				ok = d.exprInto(x, &g.until) && ok
			}
		}
		d.features(gf, &g.features)
		md.grants = append(md.grants, g)
	}
	return ok
}

// migration is a compiled migrations entry.
type migration struct {
	id, description string
	at              pos         // the applies expression, for Coverage
	src             []string    // applies, effective, holdPriceUntil as written ("" when absent), for Diff
	applies         cel.Program // bool
	effective       cel.Program // timestamp
	holdPriceUntil  cel.Program // timestamp; nil when the price is not held
	to              []*tier     // targets, in written order, aliases resolved
	toIDs           []string
	grants          []grant
	keep            entitlement.Features
	// moves holds, by source tier id and in the order of to, how the
	// response targets change: Compare of two tables is fixed once the
	// catalog is compiled.
	moves map[string][]move
}

// move is how the response targets change from one tier to a target.
type move struct {
	changes []slo.Change
	keeps   bool   // no target degraded or removed
	desc    string // describeChanges(changes)
}

// grant is a feature given to contracts under a migration before it takes
// effect, from one instant and optionally until another.
type grant struct {
	from, until cel.Program // timestamps; until is nil when open-ended
	src         [2]string   // from and until as written ("" when absent), for Diff
	features    entitlement.Features
}

// compileMigrations checks every migration (ids unique across files, target
// tiers known and listed once, expressions of the right types) and compiles
// them in catalog order.
func (c *compiler) compileMigrations(defs []*migrationDef, ids []string, tiers map[string]*tier) []*migration {
	var out []*migration
	seen := map[string]pos{}
	for _, md := range defs {
		if !c.claim(seen, "migration", md.id, md.at) {
			continue
		}
		if m := c.compileMigration(md, tiers); m != nil {
			m.moves = movesTo(m.to, ids, tiers)
			out = append(out, m)
		}
	}
	return out
}

// compileMigration compiles one migration; nil when it has errors.
func (c *compiler) compileMigration(md *migrationDef, tiers map[string]*tier) *migration {
	ok := true
	prog := func(x *expr, want *cel.Type) cel.Program {
		if x == nil {
			return nil
		}
		p, good := c.compileExpr(x, want)
		ok = ok && good
		return p
	}
	m := &migration{id: md.id, description: md.description, keep: md.keep,
		src: []string{srcOf(md.applies), srcOf(md.effective), srcOf(md.holdPriceUntil)}}
	if md.applies != nil {
		m.at = md.applies.at
	}
	m.applies = prog(md.applies, cel.BoolType)
	m.effective = prog(md.effective, cel.TimestampType)
	m.holdPriceUntil = prog(md.holdPriceUntil, cel.TimestampType)
	for _, g := range md.grants {
		m.grants = append(m.grants, grant{
			from:     prog(g.from, cel.TimestampType),
			until:    prog(g.until, cel.TimestampType),
			features: g.features,
			src:      [2]string{srcOf(g.from), srcOf(g.until)},
		})
	}
	m.to = c.targets(md.to, tiers)
	if !ok || len(m.to) != len(md.to) || m.applies == nil || m.effective == nil {
		return nil
	}
	for _, t := range m.to {
		m.toIDs = append(m.toIDs, t.id)
	}
	return m
}

// targets resolves a migration's target tiers, each listed once; a target
// in error is left out.
func (c *compiler) targets(refs []refDef, tiers map[string]*tier) []*tier {
	var out []*tier
	listed := map[string]string{}
	for _, ref := range refs {
		t, found := tiers[ref.id]
		if !found {
			c.add(ref.at.Errorf(ErrUnknownTier, "unknown tier %q", ref.id))
			continue
		}
		if as, dup := listed[t.id]; dup {
			if ref.id == t.id || ref.id == as {
				c.add(ref.at.Errorf(nil, "tier %q is listed twice", ref.id))
			} else {
				c.add(ref.at.Errorf(nil, "%q is tier %q, already listed as %q", ref.id, t.id, as))
			}
			continue
		}
		listed[t.id] = ref.id
		out = append(out, t)
	}
	return out
}

// movesTo works out, for every tier of the catalog, how the response
// targets change when moving to each of the targets.
func movesTo(to []*tier, ids []string, tiers map[string]*tier) map[string][]move {
	moves := make(map[string][]move, len(ids))
	for _, id := range ids {
		from := tiers[id].objectives[response].table()
		mvs := make([]move, len(to))
		for i, t := range to {
			ch := slo.Compare(from, t.objectives[response].table())
			mvs[i] = move{changes: ch, keeps: keepsTargets(ch), desc: describeChanges(ch)}
		}
		moves[id] = mvs
	}
	return moves
}

// moving is a migration that applies to one contract, evaluated.
type moving struct {
	m         *migration
	effective time.Time
	heldUntil time.Time // the end of the price hold, when held
	held      bool      // the migration holds the price (holdPriceUntil); heldUntil may be 0001-01-01T00:00:00Z
}

// firstMigration returns the first of migrations whose applies holds
// for the variables v, evaluated; nil when none does.
func firstMigration(migrations []*migration, v *vars, cov *Coverage) (*moving, error) {
	for _, m := range migrations {
		ok, err := evalBool(m.applies, v, "migrations."+m.id+".applies")
		if err != nil {
			return nil, err
		}
		if cov != nil {
			cov.migration(m, ok)
		}
		if !ok {
			continue
		}
		mv := &moving{m: m}
		if mv.effective, err = evalTime(m.effective, v, "migrations."+m.id+".effective"); err != nil {
			return nil, err
		}
		if mv.held = m.holdPriceUntil != nil; mv.held {
			if mv.heldUntil, err = evalTime(m.holdPriceUntil, v, "migrations."+m.id+".holdPriceUntil"); err != nil {
				return nil, err
			}
		}
		return mv, nil
	}
	return nil, nil
}
