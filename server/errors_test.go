package server

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
)

func TestStatusOfEveryClass(t *testing.T) {
	want := map[fault.Class]int{
		fault.Internal: 500, fault.BadRequest: 400, fault.BadInput: 400, fault.Undecidable: 422, fault.Limit: 422,
	}
	for _, c := range fault.Classes() {
		t.Run(c.String(), func(t *testing.T) {
			status, code := Status(c)
			assert.Equal(t, want[c], status)
			assert.NotEmpty(t, code)
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		field  string
	}{
		{"unknown tier", fmt.Errorf("x: %w", rules.ErrUnknownTier), 422, ""},
		{"unclassed", errors.New("disk on fire"), 500, ""},
		{"positioned in the body", &yamlpos.Error{File: bodyName, Path: "opened", Msg: "bad"}, 400, "opened"},
		{"positioned in a part", &yamlpos.Error{File: "contract", Path: "renewal", Msg: "bad"}, 400, "contract.renewal"},
		{"httpError kept", badRequest("tier", "no"), 400, "tier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			he := classify(tt.err)
			assert.Equal(t, tt.status, he.status)
			assert.Equal(t, tt.field, he.field)
		})
	}
	assert.Equal(t, "internal error", message(&httpError{status: http.StatusInternalServerError, err: errors.New("secret path /etc")}))
}
