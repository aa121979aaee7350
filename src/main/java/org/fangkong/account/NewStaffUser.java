package org.fangkong.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.fangkong.common.security.Role;

/** What it takes to create a staff account. */
public record NewStaffUser(
        @NotBlank(message = "{validation.username.required}")
        @Pattern(regexp = "[A-Za-z0-9_.\\-]{3,40}", message = "{validation.username.format}") String username,
        @NotBlank(message = "{validation.displayName.required}")
        @Size(max = 60, message = "{validation.displayName.tooLong}") String displayName,
        @NotBlank(message = "{validation.password.required}") String password,
        @NotNull(message = "{validation.role.required}") Role role,
        @NotBlank(message = "{validation.scope.required}") String scope) {
}
