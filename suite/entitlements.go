package suite

import (
	"github.com/tiercel/tiercel/rules"
)

// The entitlements question: which languages, channels and services does a
// contract have at an instant, or after it moved to another tier?
//
//	entitlements: {contract: {tier: looker-premier, renewal: 2026-09-01}, at: 2026-10-01, movedTo: enhanced}
//	expect: {tier: enhanced, migrated: true, languages: [en, ja]}

func entitlements(e *rules.Engine, in contractAt) (rules.Entitlements, error) {
	if in.movedTo != "" {
		return e.MovedEntitlements(in.contract, in.movedTo, in.at)
	}
	return e.Entitlements(in.contract, in.at)
}

type ents = rules.Entitlements

var entitlementsRows = []expectation[ents]{
	expect("tier", (*parser).str, func(g ents) string { return g.Tier }, checks.eq),
	expect("migration", (*parser).str, func(g ents) string { return g.Migration }, checks.eq),
	expect("migrated", (*parser).boolean, func(g ents) bool { return g.Migrated }, sprint[bool]),
	expect("languages", (*parser).strs, func(g ents) []string { return g.Features.Languages }, checks.set),
	expect("channels", (*parser).strs, func(g ents) []string { return g.Features.Channels }, checks.set),
	expect("services", (*parser).strs, func(g ents) []string { return g.Features.Services }, checks.set),
}
