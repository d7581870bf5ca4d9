package server

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

func TestTierID(t *testing.T) {
	e := rules.Default()
	other, err := rules.Load("testdata/tiers.yaml")
	require.NoError(t, err)
	for _, id := range e.Tiers() {
		tier, err := e.Tier(id)
		require.NoError(t, err)
		for _, name := range append([]string{id}, tier.Aliases...) {
			assert.Equal(t, id, tierID(e, name), "%s names %s", name, id)
		}
	}
	assert.Equal(t, "enhanced", tierID(e, "ENHANCED"), "another letter case is resolved as rules resolves it")
	assert.Equal(t, "nope", tierID(e, "nope"), "an unknown name is given back")
	for _, id := range other.Tiers() {
		assert.Equal(t, id, tierID(other, id), "another engine has its own index")
	}
	assert.Equal(t, e.Tiers()[0], tierID(e, e.Tiers()[0]), "and back")
}
