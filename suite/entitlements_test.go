package suite

import (
	"testing"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
)

func TestEntitlementsRows(t *testing.T) {
	got := rules.Entitlements{Tier: "enhanced", Migration: "m", Migrated: true,
		Features: entitlement.Features{Languages: []string{"en", "ja"}, Channels: []string{"chat"}}}
	checkRows(t, entitlementsRows, got, []rowsTest{
		{"all match, sets in any order", "{tier: enhanced, migration: m, migrated: true, languages: [ja, en], channels: [chat], services: []}", nil},
		{"every row differs, in row order", "{services: [tam], channels: [], languages: [fr], migrated: false, migration: '', tier: standard}", []Mismatch{
			{Field: "tier", Want: "standard", Got: "enhanced"},
			{Field: "migration", Want: "", Got: "m"},
			{Field: "migrated", Want: "false", Got: "true"},
			{Field: "languages", Want: "[fr]", Got: "[en, ja]"},
			{Field: "channels", Want: "[]", Got: "[chat]"},
			{Field: "services", Want: "[tam]", Got: "[]"},
		}},
	})
}

func TestEntitlementsQuestion(t *testing.T) {
	const contract = "contract: {account: acme, tier: looker-premier, renewal: 2026-09-01}"
	checkQuestions(t, []questionTest{
		{"before renewal", "entitlements: {" + contract + ", at: 2023-07-01T00:00:00Z}\n" +
			"    expect: {tier: looker-premier, migrated: false, channels: [chat]}", nil},
		{"moved to another tier", "entitlements: {" + contract + ", movedTo: enhanced, at: 2026-10-01T00:00:00Z}\n" +
			"    expect: {tier: enhanced, migrated: true}", nil},
	})
}
