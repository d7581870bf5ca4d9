package rules

import (
	"fmt"

	"cel.dev/cel-go/cel"

	"github.com/tiercel/tiercel/entitlement"
)

type permission struct {
	action, description string
	allow               cel.Program
}

func (c *compiler) compilePermissions(files []*catalogFile) {}

// Allowed decides whether principal p may do action on case c.
func (e *Engine) Allowed(action string, p entitlement.Principal, c Case) (entitlement.Decision, error) {
	return entitlement.Decision{}, fmt.Errorf("%w %q", ErrUnknownAction, action)
}
