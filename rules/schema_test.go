package rules

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/schema"
)

// The keys each section of a catalog accepts are the keys the catalog's
// JSON Schema allows, so that editors and the engine agree.
func TestKeysMatchTheSchema(t *testing.T) {
	var s struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]json.RawMessage `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(schema.Catalog(), &s))
	type object struct {
		Properties map[string]json.RawMessage `json:"properties"`
		OneOf      []object                   `json:"oneOf"`
		AnyOf      []object                   `json:"anyOf"`
		Items      *object                    `json:"items"`
		Enum       []string                   `json:"enum"`
	}
	def := func(raw json.RawMessage) object {
		t.Helper()
		var o object
		require.NoError(t, json.Unmarshal(raw, &o))
		return o
	}
	keys := func(o object) []string {
		var out []string
		for k := range o.Properties {
			out = append(out, k)
		}
		return out
	}
	price := def(s.Defs["price"])
	migration := def(s.Defs["migration"])
	permission := def(s.Defs["permission"])
	lifecycle := def(s.Defs["lifecycle"])
	tests := []struct {
		name         string
		code, schema []string
	}{
		{"top level", topKeys, keys(object{Properties: s.Properties})},
		{"calendar", calendarKeys, keys(def(s.Defs["calendar"]))},
		{"tier", tierKeys, keys(def(s.Defs["tier"]))},
		{"price", priceKeys, keys(price)},
		{"band", bandKeys, keys(*def(price.Properties["bands"]).Items)},
		{"rule", ruleKeys, keys(def(s.Defs["rule"]))},
		{"migration", migrationKeys, keys(migration)},
		{"grant", grantKeys, keys(*def(migration.Properties["grants"]).Items)},
		{"keep", featureKeys, keys(def(s.Defs["features"]))},
		{"permission", permissionKeys, keys(permission.OneOf[1])},
		{"price version", versionKeys, keys(def(s.Defs["priceVersion"]))},
		{"billing", billingKeys, keys(def(s.Properties["billing"]))},
		{"rule metric names", BuiltinMetrics(), def(def(s.Defs["rule"]).Properties["metric"]).AnyOf[0].Enum},
		{"lifecycle", lifecycleKeys, keys(lifecycle)},
		{"lifecycle metric names", BuiltinMetrics(), keys(def(lifecycle.Properties["metrics"]))},
		{"metric settings", metricSettingKeys, keys(def(s.Defs["metricLifecycle"]))},
		{"tier keys a declared metric may not take", tierFixedKeys, schemaStrings(t, lifecycle.Properties["metrics"], "propertyNames", "not", "enum")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.ElementsMatch(t, tc.code, tc.schema)
		})
	}
	var declared struct {
		Required []string `json:"required"`
	}
	require.NoError(t, json.Unmarshal(s.Defs["declaredMetric"], &declared))
	assert.Equal(t, []string{condNames[condStart], condNames[condStop]}, declared.Required, "a declared metric writes start and stop")
	for _, m := range BuiltinMetrics() {
		assert.Contains(t, keys(def(s.Defs["tier"])), m, "a tier writes each metric's targets under its name")
	}
}

// schemaStrings returns the list of strings at path in the schema object
// raw.
func schemaStrings(t *testing.T, raw json.RawMessage, path ...string) []string {
	t.Helper()
	for _, k := range path[:len(path)-1] {
		var o map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(raw, &o))
		raw = o[k]
	}
	var o map[string][]string
	require.NoError(t, json.Unmarshal(raw, &o))
	return o[path[len(path)-1]]
}
