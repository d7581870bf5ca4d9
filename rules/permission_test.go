package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompilePermissionErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"allow not bool", "permissions:\n  cases.view: principal.roles.size()\n",
			"p.yaml:23:15: permissions.cases.view: must be bool, got int"},
		{"error inside allow", "permissions:\n  cases.create:\n    allow: \"principal.rolez == []\"\n",
			"p.yaml:24:22: permissions.cases.create.allow: undefined field 'rolez'"},
		{"duplicate action", "permissions:\n  cases.view: 'true'\n  cases.view: 'false'\n",
			`p.yaml:24:3: permissions.cases.view: duplicate key "cases.view"`},
		{"invalid action", "permissions:\n  Cases.View: 'true'\n",
			`p.yaml:23:3: permissions.Cases.View: invalid action "Cases.View": use dotted lowercase words, e.g. cases.create`},
		{"missing allow", "permissions:\n  cases.view:\n    description: nobody\n",
			`p.yaml:23:3: permissions.cases.view: missing required key "allow"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Compile("p.yaml", []byte(testTiers+tt.src))
			require.ErrorIs(t, err, ErrInvalidCatalog)
			assert.EqualError(t, err, tt.want)
			assert.Nil(t, e)
		})
	}
	t.Run("duplicate action across files", func(t *testing.T) {
		a := testTiers + "permissions:\n  cases.view: 'true'\n"
		b := "permissions:\n  cases.view: 'false'\n"
		_, err := compileFiles([]string{"a.yaml", "b.yaml"}, [][]byte{[]byte(a), []byte(b)})
		assert.EqualError(t, err, `b.yaml:2:3: permissions.cases.view: duplicate action "cases.view" (first defined at a.yaml:23:3)`)
	})
}
