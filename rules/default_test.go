package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultCompiles(t *testing.T) {
	e, err := Compile("default.yaml", DefaultCatalog())
	require.NoError(t, err)
	assert.Equal(t, []string{"standard", "enhanced", "premium", "looker-premier"}, e.Tiers())
	assert.Same(t, Default(), Default(), "Default compiles once")
	tr, err := Default().Tier("advanced")
	require.NoError(t, err)
	assert.Equal(t, "enhanced", tr.ID)
	assert.Equal(t, []string{"en", "ja", "zh", "ko", "fr"}, tr.Features.Languages)
}

// Every number of the default catalog that no public source gives must be
// marked ASSUMED in the tier's source text, and every tier must cite one.
func TestDefaultCatalogCitesSources(t *testing.T) {
	for _, id := range Default().Tiers() {
		tr, err := Default().Tier(id)
		require.NoError(t, err)
		assert.Contains(t, tr.Source, "cloud.google.com", "tier %s must cite its source", id)
	}
	for _, id := range []string{"enhanced", "premium"} {
		tr, _ := Default().Tier(id)
		assert.Contains(t, tr.Source, "ASSUMED", "%s: the tier/service mapping is an assumption", id)
	}
	assert.Contains(t, string(DefaultCatalog()), "ASSUMED: Google's definition of business hours was not found")
	assert.Contains(t, string(DefaultCatalog()), "ASSUMED 2023")
}
