package rules

import "cel.dev/cel-go/cel"

type permission struct {
	action, description string
	allow               cel.Program
}

func (c *compiler) compilePermissions(files []*catalogFile) {}
