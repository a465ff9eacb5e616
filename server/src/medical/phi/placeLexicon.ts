/**
 * Place words for the location recognizers. States and countries are not identifiers themselves (Safe Harbor allows
 * them); they anchor the city before them and the ZIP code after them.
 */

/** USPS abbreviations of the states, DC and the territories. */
export const STATE_ABBREVIATIONS = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
  "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
  "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI",
] as const;

/** Full names of the states and DC. */
export const STATE_NAMES = [
  "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia",
  "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
  "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
  "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
  "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
  "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia", "Puerto Rico",
] as const;

/** Countries and UK nations that follow a city in an address line ("Lyon, France"). */
export const COUNTRY_NAMES = [
  "France", "Germany", "Italy", "Spain", "Portugal", "Ireland", "England", "Scotland", "Wales", "Northern Ireland",
  "United Kingdom", "UK", "Canada", "Mexico", "Brazil", "Argentina", "Colombia", "Chile", "Peru", "India", "Pakistan",
  "Bangladesh", "China", "Japan", "Korea", "Vietnam", "Philippines", "Thailand", "Indonesia", "Australia",
  "New Zealand", "Nigeria", "Ghana", "Kenya", "South Africa", "Egypt", "Morocco", "Turkey", "Greece", "Poland",
  "Netherlands", "Belgium", "Switzerland", "Austria", "Sweden", "Norway", "Denmark", "Finland", "Israel", "USA",
] as const;

/** Street types written after the street name ("Oak Street", "Elm St"). */
export const STREET_SUFFIXES = [
  "Street", "St", "Avenue", "Ave", "Av", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr", "Court", "Ct",
  "Place", "Pl", "Way", "Terrace", "Ter", "Circle", "Cir", "Parkway", "Pkwy", "Highway", "Hwy", "Square", "Sq", "Plaza",
  "Trail", "Trl", "Crescent", "Cres", "Close", "Row", "Walk", "Loop", "Alley", "Bend", "Grove", "Gardens", "Hill",
  "Pike", "Path", "Mews", "Green", "Heights", "View", "Ridge", "Run", "Point", "Crossing", "Commons", "Expressway",
  "Freeway", "Turnpike", "Quay", "Wharf", "Hollow", "Glen", "Meadow", "Meadows", "Park",
] as const;

/** Street types written before the name ("Rue des Lilas", "Calle del Sol"). */
export const STREET_PREFIXES = ["Rue", "Calle", "Via", "Avenida", "Rua", "Viale", "Piazza", "Strada", "Boulevard", "Avenue", "Chemin", "Carrer"] as const;

/** House names that precede a UK street address ("Rosemary Cottage, 12 Church Road"). */
export const HOUSE_WORDS = ["Cottage", "House", "Farm", "Lodge", "Manor", "Villa", "Barn", "Hall", "Mill", "Court"] as const;
