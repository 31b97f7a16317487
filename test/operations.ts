import { graphql } from './gql';

/** Operations several test files share. Ones a single file needs live in that file. */

export const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      member { id email name role createdAt }
    }
  }
`);

export const Login = graphql(`
  mutation Login($email: String!, $password: String!, $organization: String) {
    login(email: $email, password: $password, organization: $organization) {
      token
      member { id email role }
    }
  }
`);

export const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

export const Viewer = graphql(`
  query Viewer {
    viewer {
      kind
      scopes
      organization { id name }
      member { id email role }
    }
  }
`);

export const AddMember = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      member { id email name role createdAt }
    }
  }
`);

export const Members = graphql(`
  query Members($first: Int, $after: String) {
    members(first: $first, after: $after) {
      totalCount
      edges { cursor node { id email role } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const AuditEvents = graphql(`
  query AuditEvents($first: Int, $after: String) {
    auditEvents(first: $first, after: $after) {
      totalCount
      edges { node { id action actorKind actorId targetId ip createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const UpdateMemberRole = graphql(`
  mutation UpdateMemberRole($id: ID!, $role: MemberRole!) {
    updateMemberRole(id: $id, role: $role) {
      member { id role }
    }
  }
`);

export const RemoveMember = graphql(`
  mutation RemoveMember($id: ID!) {
    removeMember(id: $id) {
      member { id email }
    }
  }
`);

export const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);
