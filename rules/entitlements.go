package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/entitlement"
)

// Entitlements is what a contract is entitled to at one instant and why.
// It is plain data, shared read-only.
type Entitlements struct {
	// Tier is the id of the tier whose features apply: the contract's own
	// tier, the tier it moved to (MovedEntitlements), or "" when the
	// contract's tier is no longer available and the tier chosen instead is
	// not known.
	Tier      string
	Migration string               // the migration that shaped the answer; "" when none applies
	Migrated  bool                 // the contract is past the move: its tier's features no longer apply as such
	Features  entitlement.Features // the languages, channels and services the contract has
	Reasons   []string             // sentences a person can read explaining where the features come from
}

// Entitlements reports the features contract c has at the instant at.
//
// A contract no migration applies to has its tier's features. Under a
// migration (the first whose applies holds, as for Eligibility), before the
// move takes effect the contract has its tier's features plus those of every
// grant of the migration in force at at (from <= at, and at < until when
// until is given): in the default catalog, a Looker Premier contract may file
// cases in the console from 1 August 2023 until its renewal. From the moment
// the move takes effect the contract's tier is no longer available, and the
// contract alone does not say which target was chosen: Entitlements then
// returns, with an empty Tier, the features every target offers plus those
// the migration keeps (Looker chat), a floor whatever the choice. Use
// MovedEntitlements to name the chosen target.
//
// It fails like Eligibility and is safe for concurrent use; the result shares
// nothing with the engine.
func (e *Engine) Entitlements(c entitlement.Contract, at time.Time) (Entitlements, error) {
	out, err := e.entitlements(&c, "", at)
	if err != nil {
		return Entitlements{}, fmt.Errorf("entitlements of %s: %w", describeContract(&c), err)
	}
	return out, nil
}

// MovedEntitlements reports the features at the instant at of contract c,
// whose tier is covered by a migration, once it has moved to the target to
// (an id or alias): the target's features plus those the migration keeps.
// A customer may move before the migration takes effect, so at may precede
// it.
//
// It fails like Eligibility, with ErrUnknownTier when to is not a tier and
// ErrNotEligible when no migration applies to the contract or to is not one
// of the migration's targets. It is safe for concurrent use.
func (e *Engine) MovedEntitlements(c entitlement.Contract, to string, at time.Time) (Entitlements, error) {
	if to == "" {
		return Entitlements{}, fmt.Errorf("entitlements of %s: %w: no target tier given", describeContract(&c), ErrNotEligible)
	}
	out, err := e.entitlements(&c, to, at)
	if err != nil {
		return Entitlements{}, fmt.Errorf("entitlements of %s moved to %q: %w", describeContract(&c), to, err)
	}
	return out, nil
}

func (e *Engine) entitlements(c *entitlement.Contract, to string, at time.Time) (Entitlements, error) {
	var in contractInput
	if err := e.input(c, at, &in); err != nil {
		return Entitlements{}, err
	}
	var target *tier
	if to != "" {
		t, err := e.tier(to)
		if err != nil {
			return Entitlements{}, err
		}
		target = t
	}
	mv, err := firstMigration(e.migrations, &in.v, e.cov)
	if err != nil {
		return Entitlements{}, err
	}
	cur := in.t
	if mv == nil {
		if target != nil {
			return Entitlements{}, fmt.Errorf("%w: %s", ErrNotEligible, notCovered(e, cur))
		}
		return Entitlements{
			Tier:     cur.id,
			Features: cloneFeatures(cur.features),
			Reasons:  []string{notCovered(e, cur), fmt.Sprintf("the contract has the features of %s", cur.id)},
		}, nil
	}
	m := mv.m
	out := Entitlements{Migration: m.id}
	switch {
	case target != nil:
		if !slices.Contains(m.to, target) {
			return Entitlements{}, fmt.Errorf("%w: %s is not a target of migration %s (targets: %s)",
				ErrNotEligible, target.id, m.id, strings.Join(m.toIDs, ", "))
		}
		out.Tier, out.Migrated = target.id, true
		out.Features = cloneFeatures(target.features)
		out.Reasons = append(out.Reasons, fmt.Sprintf("the contract moved from %s to %s under migration %s and has the features of %s", cur.id, target.id, m.id, target.id))
	case at.Before(mv.effective):
		out.Tier = cur.id
		out.Features = cloneFeatures(cur.features)
		out.Reasons = append(out.Reasons, fmt.Sprintf("until migration %s takes effect on %s the contract has the features of %s", m.id, whenText(mv.effective), cur.id))
		if err := applyGrants(&out, m, &in.v, at); err != nil {
			return Entitlements{}, err
		}
		return out, nil
	default:
		out.Migrated = true
		out.Features = common(m.to)
		out.Reasons = append(out.Reasons, fmt.Sprintf("%s is no longer available since %s and the contract does not say which of %s replaced it: it has the features every one of them offers",
			cur.id, whenText(mv.effective), strings.Join(m.toIDs, ", ")))
	}
	if !emptyFeatures(m.keep) {
		out.Features = union(out.Features, m.keep)
		out.Reasons = append(out.Reasons, fmt.Sprintf("the migration keeps %s", describeFeatures(m.keep)))
	}
	return out, nil
}

// union returns a with the values of b it lacks appended, in order.
// applyGrants adds to out the features migration m grants at the instant
// at, before the move takes effect, and says which grants apply.
func applyGrants(out *Entitlements, m *migration, v *vars, at time.Time) error {
	for i, g := range m.grants {
		what := fmt.Sprintf("migrations.%s.grants[%d]", m.id, i)
		from, err := evalTime(g.from, v, what+".from")
		if err != nil {
			return err
		}
		var until time.Time
		bounded := g.until != nil // until is an instant when given, 0001-01-01T00:00:00Z too
		if bounded {
			if until, err = evalTime(g.until, v, what+".until"); err != nil {
				return err
			}
		}
		desc := describeFeatures(g.features)
		switch {
		case at.Before(from):
			out.Reasons = append(out.Reasons, fmt.Sprintf("from %s the migration adds %s (not yet)", whenText(from), desc))
		case bounded && !at.Before(until):
			out.Reasons = append(out.Reasons, fmt.Sprintf("the migration added %s from %s until %s (no longer)", desc, whenText(from), whenText(until)))
		default:
			out.Features = union(out.Features, g.features)
			if !bounded {
				out.Reasons = append(out.Reasons, fmt.Sprintf("since %s the migration adds %s", whenText(from), desc))
			} else {
				out.Reasons = append(out.Reasons, fmt.Sprintf("since %s and until %s the migration adds %s", whenText(from), whenText(until), desc))
			}
		}
	}
	return nil
}

func union(a, b entitlement.Features) entitlement.Features {
	add := func(to, from []string) []string {
		for _, s := range from {
			if !slices.Contains(to, s) {
				to = append(to, s)
			}
		}
		return to
	}
	return entitlement.Features{
		Languages: add(a.Languages, b.Languages),
		Channels:  add(a.Channels, b.Channels),
		Services:  add(a.Services, b.Services),
	}
}

// common returns the features every tier offers, in the first tier's order.
func common(tiers []*tier) entitlement.Features {
	var out entitlement.Features
	if len(tiers) == 0 {
		return out
	}
	keep := func(get func(entitlement.Features) []string) []string {
		var res []string
		for _, s := range get(tiers[0].features) {
			all := true
			for _, t := range tiers[1:] {
				if !slices.Contains(get(t.features), s) {
					all = false
					break
				}
			}
			if all {
				res = append(res, s)
			}
		}
		return res
	}
	out.Languages = keep(func(f entitlement.Features) []string { return f.Languages })
	out.Channels = keep(func(f entitlement.Features) []string { return f.Channels })
	out.Services = keep(func(f entitlement.Features) []string { return f.Services })
	return out
}

func emptyFeatures(f entitlement.Features) bool {
	return len(f.Languages) == 0 && len(f.Channels) == 0 && len(f.Services) == 0
}

// describeFeatures reads like "channels console and services assured-support".
func describeFeatures(f entitlement.Features) string {
	var parts []string
	for _, kv := range []struct {
		name string
		vals []string
	}{{"languages", f.Languages}, {"channels", f.Channels}, {"services", f.Services}} {
		if len(kv.vals) > 0 {
			parts = append(parts, kv.name+" "+strings.Join(kv.vals, ", "))
		}
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, " and ")
}
