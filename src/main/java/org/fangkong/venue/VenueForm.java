package org.fangkong.venue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What it takes to create or edit a venue; the stay defaults to the type's. */
public record VenueForm(
        @NotBlank(message = "{validation.venue.nameRequired}") @Size(max = 100, message = "{validation.venue.nameTooLong}") String name,
        @NotNull(message = "{validation.venue.typeRequired}") VenueType type,
        @NotBlank(message = "{validation.scope.required}") String jurisdiction,
        @Size(max = 200, message = "{validation.venue.addressTooLong}") String address,
        @Min(value = 1, message = "{validation.venue.stayRange}") @Max(value = 1440, message = "{validation.venue.stayRange}") Integer defaultStayMinutes) {
}
