from tests.api.conftest import Api, api, api_beide  # noqa: F401  (fixtures shared with the API tests)
